package org.cpt4j.pretrain;

import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import org.cpt4j.domain.SolutionStyle;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Supervised next-token pretraining of a base model on a mix of domains, to partial competence.
 *
 * <p>Each example is one task of a domain drawn uniformly from {@code mix}. With probability
 * {@code teacherFraction} it is in teacher format: the question, then privileged context (a worked solution of
 * the same task in some style, or the verifier's feedback naming the answer), then the response; otherwise
 * the question, then the response. The response is the task's solution in {@code responseStyle}; only response
 * tokens are trained on. The teacher-format examples teach the tiny model to use privileged context, which a
 * large model does by in-context learning and which SDPO's self-teacher needs (DESIGN.md §4).
 *
 * @param model the transformer; its vocabulary is replaced by the tokenizer's size
 * @param optimizer AdamW and its schedule
 * @param mix ids of the domains to train on, at least one, no repeats
 * @param steps optimizer steps
 * @param batchSize examples per step
 * @param teacherFraction fraction of examples in teacher format, within [0, 1]
 * @param responseStyle how much reasoning responses write before the answer
 * @param seed seeds initialisation and the example stream
 */
public record PretrainSpec(ModelConfig model, OptimizerConfig optimizer, List<String> mix, int steps, int batchSize,
                           double teacherFraction, SolutionStyle responseStyle, long seed) {

    /** The most examples per pretraining step. */
    public static final int MAX_BATCH_SIZE = 65_536;

    public PretrainSpec {
        mix = List.copyOf(mix);
        Problems problems = new Problems("pretrain");
        problems.require(!mix.isEmpty(), "mix", "must name at least one domain");
        problems.require(new HashSet<>(mix).size() == mix.size(), "mix", "must not repeat a domain, was " + mix);
        problems.require(steps >= 1, "steps", "must be at least 1, was " + steps);
        problems.require(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE, "batchSize",
                "must be within 1 .. " + MAX_BATCH_SIZE + ", was " + batchSize);
        problems.require(teacherFraction >= 0 && teacherFraction <= 1, "teacherFraction",
                "must be within [0, 1], was " + teacherFraction);
        problems.throwIfAny("pretraining specification");
    }

    /**
     * @return a specification built from the defaults: 2 layers of width 64 with 4 heads and a context of 96;
     *     2000 steps of 32 examples on {@code add, mod, count}; 60% of the examples in teacher format;
     *     answer-only responses; AdamW at 5e-3 with 100 warmup steps and cosine decay over the run; seed 7
     */
    public static PretrainSpec of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return builder.build();
    }

    /** Builder for {@link PretrainSpec}; every setting has a default. */
    public static final class Builder {
        private ModelConfig model = ModelConfig.of(m -> m.layers(2).width(64).heads(4).context(96));
        private @Nullable OptimizerConfig optimizer;
        private List<String> mix = List.of("add", "mod", "count");
        private int steps = 2000;
        private int batchSize = 32;
        private double teacherFraction = 0.6;
        private SolutionStyle responseStyle = SolutionStyle.ANSWER_ONLY;
        private long seed = 7;

        private Builder() {
        }

        public Builder model(Consumer<ModelConfig.Builder> configure) {
            this.model = ModelConfig.of(configure);
            return this;
        }

        /** Replaces the default optimizer (AdamW 5e-3, 100 warmup steps, cosine decay over {@code steps}). */
        public Builder optimizer(Consumer<OptimizerConfig.Builder> configure) {
            this.optimizer = OptimizerConfig.of(configure);
            return this;
        }

        public Builder mix(String... domains) {
            this.mix = List.of(domains);
            return this;
        }

        public Builder steps(int value) {
            this.steps = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder teacherFraction(double value) {
            this.teacherFraction = value;
            return this;
        }

        public Builder responseStyle(SolutionStyle value) {
            this.responseStyle = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        PretrainSpec build() {
            OptimizerConfig chosen = optimizer != null ? optimizer : OptimizerConfig.of(o -> o.learningRate(5e-3)
                    .warmupSteps(Math.min(100, steps / 10)).totalSteps(Math.max(steps, Math.min(100, steps / 10) + 1)));
            return new PretrainSpec(model, chosen, mix, steps, batchSize, teacherFraction, responseStyle, seed);
        }
    }
}
