package org.cpt4j.plugins.objectives;

import java.util.function.Consumer;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.spec.Problems;

/**
 * GRPO's options (DeepSeekMath; names of TRL and verl in docs/objectives.md). The group size is the training's
 * ({@code training.groupSize}): the objective reads the groups from its rollouts.
 *
 * @param scaleRewards what centred rewards are divided by
 * @param advantageEpsilon added to the standard deviation (verl 1e-6; TRL 1e-4)
 * @param filterZeroVariance drop groups whose rewards are all equal (DAPO's dynamic sampling, without refill)
 * @param clipLow ratio clip below, {@code 1 − clipLow}
 * @param clipHigh ratio clip above, {@code 1 + clipHigh} (DAPO "clip-higher" uses 0.28)
 * @param dualClip dual-clip constant {@code c > 1} bounding the loss of negative advantages, or 0 for none
 * @param klBeta coefficient of the per-token KL to the reference policy (0: no reference needed)
 * @param klEstimator which KL estimator
 * @param entropyBonus coefficient of the aggregated entropy subtracted from the loss
 * @param aggregation how per-token losses become one scalar
 * @param maxResponseLength the constant of {@link LossAggregation#SEQ_MEAN_TOKEN_SUM_NORM}
 * @param epochs optimisation passes over each batch of rollouts, with the sampling policy's log-probabilities
 *     as the old ones
 */
public record GrpoConfig(ScaleRewards scaleRewards, double advantageEpsilon, boolean filterZeroVariance,
                         double clipLow, double clipHigh, double dualClip, double klBeta, KlEstimator klEstimator,
                         double entropyBonus, LossAggregation aggregation, int maxResponseLength, int epochs) {

    public GrpoConfig {
        Problems problems = new Problems("objective");
        problems.require(advantageEpsilon >= 0, "advantageEpsilon", "must not be negative, was " + advantageEpsilon);
        problems.require(clipLow > 0 && clipLow < 1, "clipLow", "must be within (0, 1), was " + clipLow);
        problems.require(clipHigh > 0, "clipHigh", "must be positive, was " + clipHigh);
        problems.require(dualClip == 0 || dualClip > 1, "dualClip", "must be 0 (off) or greater than 1, was " + dualClip);
        problems.require(klBeta >= 0, "klBeta", "must not be negative, was " + klBeta);
        problems.require(entropyBonus >= 0, "entropyBonus", "must not be negative, was " + entropyBonus);
        problems.require(maxResponseLength >= 1, "maxResponseLength", "must be at least 1, was " + maxResponseLength);
        problems.require(epochs >= 1, "epochs", "must be at least 1, was " + epochs);
        problems.throwIfAny("GRPO configuration");
    }

    /**
     * @return a configuration from the defaults: group std scaling with epsilon 1e-6,
     *     no filtering, clip 0.2 both ways, no dual clip, no KL (k3 when enabled), no entropy bonus,
     *     token-mean aggregation, responses of at most 32 tokens, one epoch
     */
    public static GrpoConfig of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return new GrpoConfig(builder.scaleRewards, builder.advantageEpsilon,
                builder.filterZeroVariance, builder.clipLow, builder.clipHigh, builder.dualClip, builder.klBeta,
                builder.klEstimator, builder.entropyBonus, builder.aggregation, builder.maxResponseLength, builder.epochs);
    }

    /** Builder for {@link GrpoConfig}. */
    public static final class Builder {
        private ScaleRewards scaleRewards = ScaleRewards.GROUP;
        private double advantageEpsilon = 1e-6;
        private boolean filterZeroVariance;
        private double clipLow = 0.2;
        private double clipHigh = 0.2;
        private double dualClip;
        private double klBeta;
        private KlEstimator klEstimator = KlEstimator.K3;
        private double entropyBonus;
        private LossAggregation aggregation = LossAggregation.TOKEN_MEAN;
        private int maxResponseLength = 32;
        private int epochs = 1;

        private Builder() {
        }

        public Builder scaleRewards(ScaleRewards value) {
            scaleRewards = value;
            return this;
        }

        public Builder advantageEpsilon(double value) {
            advantageEpsilon = value;
            return this;
        }

        public Builder filterZeroVariance(boolean value) {
            filterZeroVariance = value;
            return this;
        }

        /** Sets both clip ranges. */
        public Builder clip(double value) {
            clipLow = value;
            clipHigh = value;
            return this;
        }

        public Builder clipLow(double value) {
            clipLow = value;
            return this;
        }

        public Builder clipHigh(double value) {
            clipHigh = value;
            return this;
        }

        public Builder dualClip(double value) {
            dualClip = value;
            return this;
        }

        public Builder klBeta(double value) {
            klBeta = value;
            return this;
        }

        public Builder klEstimator(KlEstimator value) {
            klEstimator = value;
            return this;
        }

        public Builder entropyBonus(double value) {
            entropyBonus = value;
            return this;
        }

        public Builder aggregation(LossAggregation value) {
            aggregation = value;
            return this;
        }

        public Builder maxResponseLength(int value) {
            maxResponseLength = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }
    }
}
