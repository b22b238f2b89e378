package org.cpt4j.model;

import java.util.function.Consumer;
import org.cpt4j.spec.Problems;

/**
 * AdamW with global-norm gradient clipping and a linear-warmup, cosine-decay learning-rate schedule.
 *
 * <p>One update at step {@code s} (0-based) with gradient {@code g}: {@code g ← g · min(1, maxGradNorm / ‖g‖₂)}
 * over all parameters together (skipped when {@code maxGradNorm == 0}); Adam moments
 * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²}; then
 * {@code θ ← θ·(1 − lr·weightDecay) − lr·m̂/(√v̂ + ε)} with bias-corrected {@code m̂, v̂} (Loshchilov and Hutter,
 * "Decoupled Weight Decay Regularization", 2019). Decay applies to matrices only, not to biases, LayerNorm
 * parameters or embeddings.
 *
 * @param learningRate peak learning rate
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param epsilon added to the root of the second moment
 * @param weightDecay decoupled weight decay coefficient
 * @param warmupSteps steps of linear warmup from {@code learningRate / warmupSteps} to {@code learningRate}
 * @param totalSteps step at which the cosine decay reaches its floor; 0 keeps the rate constant after warmup
 * @param minLearningRateRatio floor of the cosine decay as a fraction of {@code learningRate}
 * @param maxGradNorm global gradient-norm limit; 0 disables clipping
 */
public record OptimizerConfig(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                              int warmupSteps, int totalSteps, double minLearningRateRatio, double maxGradNorm) {

    public OptimizerConfig {
        Problems problems = new Problems("optimizer");
        problems.requirePositiveFinite("learningRate", learningRate);
        problems.require(beta1 >= 0 && beta1 < 1, "beta1", "must be within [0, 1), was " + beta1);
        problems.require(beta2 >= 0 && beta2 < 1, "beta2", "must be within [0, 1), was " + beta2);
        problems.require(epsilon > 0, "epsilon", "must be positive, was " + epsilon);
        problems.require(weightDecay >= 0, "weightDecay", "must not be negative, was " + weightDecay);
        problems.require(warmupSteps >= 0, "warmupSteps", "must not be negative, was " + warmupSteps);
        problems.require(totalSteps >= 0, "totalSteps", "must not be negative (0 = no decay), was " + totalSteps);
        problems.require(totalSteps == 0 || totalSteps > warmupSteps, "totalSteps",
                "must exceed warmupSteps (" + warmupSteps + ") or be 0, was " + totalSteps);
        problems.require(minLearningRateRatio >= 0 && minLearningRateRatio <= 1, "minLearningRateRatio",
                "must be within [0, 1], was " + minLearningRateRatio);
        problems.require(maxGradNorm >= 0, "maxGradNorm", "must not be negative (0 = no clipping), was " + maxGradNorm);
        problems.throwIfAny("optimizer configuration");
    }

    /** @return a configuration built from the defaults (lr 1e-3, β 0.9/0.95, ε 1e-8, decay 0.01, clip 1.0) */
    public static OptimizerConfig of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return builder.build();
    }

    /** @return these settings with the peak learning rate {@code value} (the schedule's shape kept) */
    public OptimizerConfig withLearningRate(double value) {
        return new OptimizerConfig(value, beta1, beta2, epsilon, weightDecay, warmupSteps, totalSteps,
                minLearningRateRatio, maxGradNorm);
    }

    /**
     * The learning rate of the update at 0-based {@code step}:
     * {@code lr·(s+1)/warmup} while {@code s < warmup}; then, if {@code totalSteps > 0},
     * {@code lr_min + (lr − lr_min)·½(1 + cos(π·min(1, (s − warmup)/(total − warmup))))} with
     * {@code lr_min = lr·minLearningRateRatio}; otherwise {@code lr}.
     */
    public double learningRateAt(long step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        if (totalSteps == 0) {
            return learningRate;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
        double floor = learningRate * minLearningRateRatio;
        return floor + (learningRate - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** Mutable builder behind {@link #of(Consumer)}; {@link #build()} validates. */
    public static final class Builder {
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.95;
        private double epsilon = 1e-8;
        private double weightDecay = 0.01;
        private int warmupSteps;
        private int totalSteps;
        private double minLearningRateRatio = 0.1;
        private double maxGradNorm = 1.0;

        Builder() {
        }

        public Builder learningRate(double value) {
            this.learningRate = value;
            return this;
        }

        public Builder betas(double first, double second) {
            this.beta1 = first;
            this.beta2 = second;
            return this;
        }

        public Builder epsilon(double value) {
            this.epsilon = value;
            return this;
        }

        public Builder weightDecay(double value) {
            this.weightDecay = value;
            return this;
        }

        public Builder warmupSteps(int value) {
            this.warmupSteps = value;
            return this;
        }

        public Builder totalSteps(int value) {
            this.totalSteps = value;
            return this;
        }

        public Builder minLearningRateRatio(double value) {
            this.minLearningRateRatio = value;
            return this;
        }

        public Builder maxGradNorm(double value) {
            this.maxGradNorm = value;
            return this;
        }

        public OptimizerConfig build() {
            return new OptimizerConfig(learningRate, beta1, beta2, epsilon, weightDecay, warmupSteps, totalSteps,
                    minLearningRateRatio, maxGradNorm);
        }
    }
}
