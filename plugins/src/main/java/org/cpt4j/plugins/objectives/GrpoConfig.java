package org.cpt4j.plugins.objectives;

import java.util.function.Consumer;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.spec.Problems;

/**
 * GRPO's options (DeepSeekMath; names of TRL and verl in docs/objectives.md). The group size is the training's
 * ({@code training.groupSize}): the objective reads the groups from its rollouts.
 *
 * @param rewardAggregation whether the components' weighted sum is normalised, or each component before the sum
 * @param scaleRewards what centred rewards are divided by (with {@link RewardAggregation#SUM_THEN_NORMALIZE})
 * @param advantageEpsilon added to the standard deviation (verl 1e-6; TRL 1e-4)
 * @param filterZeroVariance drop groups whose rewards are all equal (DAPO's dynamic sampling, without refill)
 * @param importanceSampling whether the ratio is each token's or its response's (GSPO)
 * @param clipLow ratio clip below, {@code 1 − clipLow}
 * @param clipHigh ratio clip above, {@code 1 + clipHigh} (DAPO "clip-higher" uses 0.28)
 * @param delta upper cap {@code δ > 1} of the unclipped ratio, {@code min(ρ, δ)} (TRL's two-sided clipping,
 *     INTELLECT-2), or 0 for none
 * @param dualClip dual-clip constant {@code c > 1} bounding the loss of negative advantages, or 0 for none
 * @param klBeta coefficient of the per-token KL to the reference policy (0: no reference needed)
 * @param klEstimator which KL estimator
 * @param klClamp whose clamps the estimator follows
 * @param biasCorrectedKl multiply the KL by the importance ratio (TRL {@code use_bias_correction_kl}, DeepSeek-V3.2)
 * @param entropyBonus coefficient of the aggregated entropy subtracted from the loss
 * @param aggregation how per-token losses become one scalar
 * @param maxResponseLength the constant {@code N} of {@link LossAggregation#SEQ_MEAN_TOKEN_SUM_NORM} and
 *     {@link LossAggregation#TRL_DR_GRPO}
 * @param logitTemperature what the student's logits are divided by before the log-softmax (TRL's
 *     {@code temperature}, the sampling temperature)
 * @param rolloutCorrection importance weights between the trainer's and the sampler's log-probabilities, multiplied
 *     into each token's loss (verl {@code rollout_is}); the trainer then computes the old log-probabilities itself
 * @param rolloutCorrectionThreshold the weights' upper truncation (verl {@code rollout_is_threshold})
 * @param epochs optimisation passes over each batch of rollouts, with the sampling policy's log-probabilities
 *     as the old ones
 */
public record GrpoConfig(RewardAggregation rewardAggregation, ScaleRewards scaleRewards, double advantageEpsilon, boolean filterZeroVariance,
                         ImportanceSampling importanceSampling, double clipLow, double clipHigh, double delta,
                         double dualClip, double klBeta, KlEstimator klEstimator, KlClamp klClamp,
                         boolean biasCorrectedKl, double entropyBonus, LossAggregation aggregation,
                         int maxResponseLength, double logitTemperature, RolloutCorrection rolloutCorrection,
                         double rolloutCorrectionThreshold, int epochs) {

    public GrpoConfig {
        Problems problems = new Problems("objective");
        problems.require(advantageEpsilon >= 0, "advantageEpsilon", "must not be negative, was " + advantageEpsilon);
        problems.require(clipLow > 0 && clipLow < 1, "clipLow", "must be within (0, 1), was " + clipLow);
        problems.require(clipHigh > 0, "clipHigh", "must be positive, was " + clipHigh);
        problems.require(delta == 0 || delta > 1 && Double.isFinite(delta), "delta",
                "must be 0 (off) or a finite cap greater than 1, was " + delta);
        problems.require(dualClip == 0 || dualClip > 1, "dualClip", "must be 0 (off) or greater than 1, was " + dualClip);
        problems.require(klBeta >= 0, "klBeta", "must not be negative, was " + klBeta);
        problems.require(entropyBonus >= 0, "entropyBonus", "must not be negative, was " + entropyBonus);
        problems.require(aggregation != LossAggregation.GKD_MEAN, "aggregation",
                "GKD_MEAN averages over vocabulary entries, which a policy-gradient loss does not have; use TOKEN_MEAN");
        problems.require(maxResponseLength >= 1, "maxResponseLength", "must be at least 1, was " + maxResponseLength);
        problems.requirePositiveFinite("rolloutCorrectionThreshold", rolloutCorrectionThreshold);
        problems.requirePositiveFinite("logitTemperature", logitTemperature);
        problems.require(epochs >= 1, "epochs", "must be at least 1, was " + epochs);
        problems.throwIfAny("GRPO configuration");
    }

    /**
     * @return a configuration from the defaults: the weighted sum of reward components normalised, group std
     *     scaling with epsilon 1e-6, no filtering, token-level ratios clipped 0.2 both ways, no delta, no dual clip,
     *     no KL (verl's k3 when enabled, not bias-corrected), no entropy bonus, token-mean aggregation, responses
     *     of at most 32 tokens, logit temperature 1, no rollout correction (threshold 2 when on), one epoch
     */
    public static GrpoConfig of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return new GrpoConfig(builder.rewardAggregation, builder.scaleRewards, builder.advantageEpsilon, builder.filterZeroVariance,
                builder.importanceSampling, builder.clipLow, builder.clipHigh, builder.delta, builder.dualClip,
                builder.klBeta, builder.klEstimator, builder.klClamp, builder.biasCorrectedKl, builder.entropyBonus,
                builder.aggregation, builder.maxResponseLength, builder.logitTemperature, builder.rolloutCorrection,
                builder.rolloutCorrectionThreshold, builder.epochs);
    }

    /** Builder for {@link GrpoConfig}. */
    public static final class Builder {
        private RewardAggregation rewardAggregation = RewardAggregation.SUM_THEN_NORMALIZE;
        private ScaleRewards scaleRewards = ScaleRewards.GROUP;
        private double advantageEpsilon = 1e-6;
        private boolean filterZeroVariance;
        private ImportanceSampling importanceSampling = ImportanceSampling.TOKEN;
        private double clipLow = 0.2;
        private double clipHigh = 0.2;
        private double delta;
        private double dualClip;
        private double klBeta;
        private KlEstimator klEstimator = KlEstimator.K3;
        private KlClamp klClamp = KlClamp.VERL;
        private boolean biasCorrectedKl;
        private double entropyBonus;
        private LossAggregation aggregation = LossAggregation.TOKEN_MEAN;
        private int maxResponseLength = 32;
        private double logitTemperature = 1;
        private RolloutCorrection rolloutCorrection = RolloutCorrection.NONE;
        private double rolloutCorrectionThreshold = 2;
        private int epochs = 1;

        private Builder() {
        }

        public Builder rewardAggregation(RewardAggregation value) {
            rewardAggregation = value;
            return this;
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

        public Builder importanceSampling(ImportanceSampling value) {
            importanceSampling = value;
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

        public Builder delta(double value) {
            delta = value;
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

        public Builder klClamp(KlClamp value) {
            klClamp = value;
            return this;
        }

        public Builder biasCorrectedKl(boolean value) {
            biasCorrectedKl = value;
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

        public Builder logitTemperature(double value) {
            logitTemperature = value;
            return this;
        }

        public Builder rolloutCorrection(RolloutCorrection value) {
            rolloutCorrection = value;
            return this;
        }

        public Builder rolloutCorrectionThreshold(double value) {
            rolloutCorrectionThreshold = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }
    }
}
