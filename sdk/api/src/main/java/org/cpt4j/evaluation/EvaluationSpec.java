package org.cpt4j.evaluation;

import java.util.function.Consumer;
import org.cpt4j.spec.Problems;

/**
 * How a policy is evaluated: greedy responses to {@code prompts} held-out tasks per domain.
 *
 * @param prompts held-out tasks per domain
 * @param maxNewTokens the longest response generated (greedy decoding stops earlier at end-of-sequence)
 * @param seed the seed of the held-out task streams
 */
public record EvaluationSpec(int prompts, int maxNewTokens, long seed) {

    public EvaluationSpec {
        Problems problems = new Problems("evaluation");
        problems.require(prompts >= 1, "prompts", "must be at least 1, was " + prompts);
        problems.require(maxNewTokens >= 1, "maxNewTokens", "must be at least 1, was " + maxNewTokens);
        problems.throwIfAny("evaluation specification");
    }

    /** @return the defaults (100 prompts, 48 new tokens, seed 1) with what {@code configure} changes */
    public static EvaluationSpec of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return new EvaluationSpec(builder.prompts, builder.maxNewTokens, builder.seed);
    }

    /** Builder for {@link EvaluationSpec}. */
    public static final class Builder {
        private int prompts = 100;
        private int maxNewTokens = 48;
        private long seed = 1;

        private Builder() {
        }

        public Builder prompts(int value) {
            prompts = value;
            return this;
        }

        public Builder maxNewTokens(int value) {
            maxNewTokens = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }
    }
}
