package org.cpt4j.plugins.objectives;

import java.util.function.Consumer;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.spec.Problems;

/**
 * SDPO's options (Hübotter et al. 2026; the official code's {@code self_distillation} config, mapped in
 * docs/objectives.md). Defaults follow the official running YAML, except top-k: our vocabularies are tiny,
 * so the full distribution is the default.
 *
 * @param alpha divergence: 0 forward KL {@code KL(teacher ‖ student)}, 1 reverse KL {@code KL(student ‖ teacher)},
 *     in between the generalised Jensen–Shannon divergence with mixture weight {@code alpha} on the teacher
 * @param topK distil over the student's {@code topK} most likely tokens; 0 uses the whole vocabulary
 * @param tailBucket with top-k, add one entry for the remaining mass ({@code log(1 − Σ p_topk)}); without it
 *     both distributions are renormalised over the top-k entries
 * @param sampledToken the sampled-token surrogate {@code sg(s_y − q_y) · s_y} instead of a full divergence
 *     (the official code's {@code full_logit_distillation=false}; reverse KL only, so {@code alpha} must be 1)
 * @param isClip importance weight {@code min(exp(s_y − s_old), isClip)} on each token's loss; 0 for none
 * @param maskRatio fraction of response tokens dropped at random from the distillation loss (the study's
 *     density ablation)
 * @param successThreshold a sibling response with reward at least this is a successful demonstration
 * @param useFeedback without a successful sibling, use the verifier's feedback as the teacher's context
 *     (else such samples get no distillation loss)
 * @param aggregation how per-token losses become one scalar (the official {@code loss_agg_mode}); the constant
 *     {@code N} of {@link LossAggregation#SEQ_MEAN_TOKEN_SUM_NORM} is the batch's padded length, as verl's default
 *     {@code loss_scale_factor}; {@link LossAggregation#GKD_MEAN} divides by the entries the divergence sums over
 *     (the vocabulary, or the top-k and the tail)
 * @param logitTemperature what the student's logits are divided by before the log-softmax (GKD's
 *     {@code temperature}; the teacher's distributions are scored at the sampling temperature)
 * @param rolloutCorrection importance weights between the trainer's and the sampler's log-probabilities, multiplied
 *     into each token's loss (verl {@code rollout_is}); the trainer then computes the old log-probabilities itself
 * @param rolloutCorrectionThreshold the weights' upper truncation (verl {@code rollout_is_threshold})
 * @param grpoWeight weight of the GRPO loss mixed in: {@code grpoWeight·GRPO + (1 − grpoWeight)·distillation}
 *     (TRL's distillation weight is {@code 1 − grpoWeight}); 0 is pure SDPO
 * @param grpo the options of the GRPO loss mixed in (used when {@code grpoWeight > 0}); it runs in SDPO's
 *     epochs, so its own {@code epochs} stays 1
 * @param epochs optimisation passes over each batch of rollouts, with the sampling policy's log-probabilities as
 *     the old ones (the importance weight's denominator)
 */
public record SdpoConfig(double alpha, int topK, boolean tailBucket, boolean sampledToken, double isClip,
                         double maskRatio, double successThreshold, boolean useFeedback,
                         LossAggregation aggregation, double logitTemperature, RolloutCorrection rolloutCorrection,
                         double rolloutCorrectionThreshold, double grpoWeight, GrpoConfig grpo, int epochs) {

    public SdpoConfig {
        Problems problems = new Problems("objective");
        problems.require(alpha >= 0 && alpha <= 1, "alpha", "must be within [0, 1], was " + alpha);
        problems.require(topK >= 0, "topK", "must be >= 0 (0 uses the whole vocabulary), was " + topK);
        problems.require(!sampledToken || alpha == 1, "sampledToken",
                "the sampled-token surrogate is reverse KL only; set alpha to 1 (was " + alpha + ")");
        problems.require(!sampledToken || topK == 0, "sampledToken", "cannot be combined with topK " + topK);
        problems.require(isClip == 0 || isClip > 0 && Double.isFinite(isClip), "isClip",
                "must be positive and finite, or 0 for no importance weight, was " + isClip);
        problems.require(maskRatio >= 0 && maskRatio < 1, "maskRatio", "must be within [0, 1), was " + maskRatio);
        problems.requirePositiveFinite("rolloutCorrectionThreshold", rolloutCorrectionThreshold);
        problems.requirePositiveFinite("logitTemperature", logitTemperature);
        problems.require(grpoWeight >= 0 && grpoWeight <= 1, "grpoWeight", "must be within [0, 1], was " + grpoWeight);
        problems.require(grpo.epochs() == 1, "grpo.epochs", "the mixed-in GRPO loss runs in SDPO's epochs; set epochs "
                + "instead (was " + grpo.epochs() + ")");
        problems.require(epochs >= 1, "epochs", "must be at least 1, was " + epochs);
        problems.throwIfAny("SDPO configuration");
    }

    /**
     * @return a configuration from the defaults: alpha 0.5, full vocabulary (tail bucket on if top-k is set),
     *     full-distribution divergence, importance clip 2, no token dropping, success threshold 0.5, feedback
     *     used, token-mean aggregation, logit temperature 1, no rollout correction (threshold 2 when on), no GRPO
     *     mixed in (GRPO's defaults when it is), one epoch
     */
    public static SdpoConfig of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return new SdpoConfig(builder.alpha, builder.topK, builder.tailBucket, builder.sampledToken, builder.isClip,
                builder.maskRatio, builder.successThreshold, builder.useFeedback, builder.aggregation,
                builder.logitTemperature, builder.rolloutCorrection, builder.rolloutCorrectionThreshold,
                builder.grpoWeight, GrpoConfig.of(builder.grpo), builder.epochs);
    }

    /** Builder for {@link SdpoConfig}. */
    public static final class Builder {
        private double alpha = 0.5;
        private int topK;
        private boolean tailBucket = true;
        private boolean sampledToken;
        private double isClip = 2;
        private double maskRatio;
        private double successThreshold = 0.5;
        private boolean useFeedback = true;
        private LossAggregation aggregation = LossAggregation.TOKEN_MEAN;
        private double logitTemperature = 1;
        private RolloutCorrection rolloutCorrection = RolloutCorrection.NONE;
        private double rolloutCorrectionThreshold = 2;
        private double grpoWeight;
        private Consumer<GrpoConfig.Builder> grpo = g -> { };
        private int epochs = 1;

        private Builder() {
        }

        public Builder alpha(double value) {
            alpha = value;
            return this;
        }

        public Builder topK(int value) {
            topK = value;
            return this;
        }

        public Builder tailBucket(boolean value) {
            tailBucket = value;
            return this;
        }

        public Builder sampledToken(boolean value) {
            sampledToken = value;
            return this;
        }

        public Builder isClip(double value) {
            isClip = value;
            return this;
        }

        public Builder maskRatio(double value) {
            maskRatio = value;
            return this;
        }

        public Builder successThreshold(double value) {
            successThreshold = value;
            return this;
        }

        public Builder useFeedback(boolean value) {
            useFeedback = value;
            return this;
        }

        public Builder aggregation(LossAggregation value) {
            aggregation = value;
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

        public Builder grpoWeight(double value) {
            grpoWeight = value;
            return this;
        }

        /** Configures the GRPO loss mixed in when {@link #grpoWeight} is positive. */
        public Builder grpo(Consumer<GrpoConfig.Builder> configure) {
            grpo = configure;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }
    }
}
