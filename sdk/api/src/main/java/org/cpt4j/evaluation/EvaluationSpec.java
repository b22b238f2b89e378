package org.cpt4j.evaluation;

import java.util.function.Consumer;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.spec.Problems;

/**
 * When and how a policy is evaluated, by a run and by {@code cpt4j pretrain} alike: {@code prompts} held-out tasks
 * per domain, answered as {@code sampling} says, before the first stage, at the end of every stage, and every
 * {@code everySteps} steps inside a stage.
 *
 * @param everySteps steps between evaluations inside a stage; 0 for stage ends only
 * @param prompts held-out tasks per domain
 * @param maxNewTokens the longest response generated (decoding stops earlier at end-of-sequence)
 * @param sampling greedy, or pass@k
 * @param seed the seed of the held-out task streams and of pass@k's samples
 */
public record EvaluationSpec(int everySteps, int prompts, int maxNewTokens, EvaluationSampling sampling, long seed) {

    /** Held-out tasks per domain unless a spec says otherwise. */
    public static final int DEFAULT_PROMPTS = 100;
    /** Long enough for the longest worked solution of the built-in domains. */
    public static final int DEFAULT_MAX_NEW_TOKENS = 48;
    /** The held-out seed of a base model's evaluation (a run's defaults to the experiment's seed). */
    public static final long DEFAULT_SEED = 1;
    /** The most held-out tasks per domain. */
    public static final int MAX_PROMPTS = 1_000_000;

    public EvaluationSpec {
        Problems problems = new Problems("evaluation");
        problems.require(everySteps >= 0, "everySteps", "must be 0 (stage ends only) or positive, was " + everySteps);
        problems.require(prompts >= 1 && prompts <= MAX_PROMPTS, "prompts",
                "must be within 1 .. " + MAX_PROMPTS + ", was " + prompts);
        problems.require(maxNewTokens >= 1 && maxNewTokens <= ModelConfig.MAX_CONTEXT, "maxNewTokens",
                "must be within 1 .. " + ModelConfig.MAX_CONTEXT + " (the longest context), was " + maxNewTokens);
        problems.throwIfAny("evaluation specification");
    }

    /**
     * @return the defaults (stage ends only, {@value #DEFAULT_PROMPTS} prompts, {@value #DEFAULT_MAX_NEW_TOKENS} new
     *     tokens, greedy, seed {@value #DEFAULT_SEED}) with what {@code configure} changes
     */
    public static EvaluationSpec of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return builder.build();
    }

    /**
     * @return whether an evaluation is due after {@code stageStep} steps of a stage of {@code stageSteps}: at the
     *     stage's end, and inside it after every {@code everySteps} steps
     */
    public boolean dueAfter(int stageStep, int stageSteps) {
        return stageStep == stageSteps || everySteps > 0 && stageStep > 0 && stageStep % everySteps == 0;
    }

    /** Builder for {@link EvaluationSpec}. */
    public static final class Builder {
        private int everySteps;
        private int prompts = DEFAULT_PROMPTS;
        private int maxNewTokens = DEFAULT_MAX_NEW_TOKENS;
        private EvaluationSampling sampling = EvaluationSampling.greedy();
        private long seed = DEFAULT_SEED;

        private Builder() {
        }

        /** Evaluates every {@code value} steps inside each stage too (0: at stage ends only). */
        public Builder everySteps(int value) {
            everySteps = value;
            return this;
        }

        public Builder prompts(int value) {
            prompts = value;
            return this;
        }

        public Builder maxNewTokens(int value) {
            maxNewTokens = value;
            return this;
        }

        /** Greedy by default; {@link EvaluationSampling#passAtK} for pass@k. */
        public Builder sampling(EvaluationSampling value) {
            sampling = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        EvaluationSpec build() {
            return new EvaluationSpec(everySteps, prompts, maxNewTokens, sampling, seed);
        }
    }
}
