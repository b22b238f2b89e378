package org.cpt4j.kotlin

import org.cpt4j.experiment.ComponentSpec
import org.cpt4j.objective.LossAggregation
import org.cpt4j.plugins.objectives.GrpoConfig
import org.cpt4j.plugins.objectives.ImportanceSampling
import org.cpt4j.plugins.objectives.KlClamp
import org.cpt4j.plugins.objectives.KlEstimator
import org.cpt4j.plugins.objectives.Objectives
import org.cpt4j.plugins.objectives.RewardAggregation
import org.cpt4j.plugins.objectives.RolloutCorrection
import org.cpt4j.plugins.objectives.ScaleRewards
import org.cpt4j.plugins.objectives.SdpoConfig

/** The built-in objectives ([Objectives]), with their options set in a block: `sdpo { alpha = 0.5 }`. */
public interface ObjectiveFactories {

    /** @return `grpo` with the options [configure] sets over [GrpoConfig]'s defaults */
    public fun grpo(configure: GrpoScope.() -> Unit = {}): ComponentSpec =
        Objectives.grpo { GrpoScope(it).configure() }

    /** @return `sdpo` with the options [configure] sets over [SdpoConfig]'s defaults */
    public fun sdpo(configure: SdpoScope.() -> Unit = {}): ComponentSpec =
        Objectives.sdpo { SdpoScope(it).configure() }
}

/** GRPO's options ([GrpoConfig], which documents each). */
@Cpt4jDsl
public class GrpoScope internal constructor(private val builder: GrpoConfig.Builder) {

    /** Whether the reward components' weighted sum is normalised, or each component before the sum. */
    public var rewardAggregation: RewardAggregation
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.rewardAggregation(value)
        }

    /** What group-centred rewards are divided by. */
    public var scaleRewards: ScaleRewards
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.scaleRewards(value)
        }

    /** Added to the standard deviation. */
    public var advantageEpsilon: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.advantageEpsilon(value)
        }

    /** Drop groups whose rewards are all equal. */
    public var filterZeroVariance: Boolean
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.filterZeroVariance(value)
        }

    /** Whether the importance ratio is each token's or its response's (GSPO). */
    public var importanceSampling: ImportanceSampling
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.importanceSampling(value)
        }

    /** Both clip ranges at once. */
    public var clip: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.clip(value)
        }

    /** The ratio clip below, `1 − clipLow`. */
    public var clipLow: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.clipLow(value)
        }

    /** The ratio clip above, `1 + clipHigh`. */
    public var clipHigh: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.clipHigh(value)
        }

    /** The upper cap (greater than 1) of the unclipped ratio, TRL's two-sided clipping, or 0 for none. */
    public var delta: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.delta(value)
        }

    /** The dual-clip constant (greater than 1), or 0 for none. */
    public var dualClip: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.dualClip(value)
        }

    /** The coefficient of the per-token KL to the reference policy. */
    public var klBeta: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.klBeta(value)
        }

    /** Which KL estimator. */
    public var klEstimator: KlEstimator
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.klEstimator(value)
        }

    /** Whose clamps the KL estimator follows. */
    public var klClamp: KlClamp
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.klClamp(value)
        }

    /** Multiply the KL by the importance ratio. */
    public var biasCorrectedKl: Boolean
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.biasCorrectedKl(value)
        }

    /** The coefficient of the entropy subtracted from the loss. */
    public var entropyBonus: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.entropyBonus(value)
        }

    /** How per-token losses become one scalar. */
    public var aggregation: LossAggregation
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.aggregation(value)
        }

    /** The constant of [LossAggregation.SEQ_MEAN_TOKEN_SUM_NORM]. */
    public var maxResponseLength: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.maxResponseLength(value)
        }

    /** What the logits are divided by before the log-softmax (the sampling temperature). */
    public var logitTemperature: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.logitTemperature(value)
        }

    /** Importance weights between the trainer's and the sampler's log-probabilities (verl `rollout_is`). */
    public var rolloutCorrection: RolloutCorrection
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.rolloutCorrection(value)
        }

    /** The rollout-correction weights' upper truncation. */
    public var rolloutCorrectionThreshold: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.rolloutCorrectionThreshold(value)
        }

    /** Optimisation passes over each batch of rollouts. */
    public var epochs: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.epochs(value)
        }
}

/** SDPO's options ([SdpoConfig], which documents each). */
@Cpt4jDsl
public class SdpoScope internal constructor(private val builder: SdpoConfig.Builder) {

    /** The divergence: 0 forward KL, 1 reverse KL, in between the generalised Jensen–Shannon divergence. */
    public var alpha: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.alpha(value)
        }

    /** Distil over the student's `topK` most likely tokens; 0 uses the whole vocabulary. */
    public var topK: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.topK(value)
        }

    /** With top-k, one entry for the remaining mass. */
    public var tailBucket: Boolean
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.tailBucket(value)
        }

    /** The sampled-token surrogate instead of a full divergence (reverse KL only). */
    public var sampledToken: Boolean
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.sampledToken(value)
        }

    /** The importance weight's clip; 0 for none. */
    public var isClip: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.isClip(value)
        }

    /** The fraction of response tokens dropped at random from the distillation loss. */
    public var maskRatio: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.maskRatio(value)
        }

    /** A sibling response with at least this reward is a successful demonstration. */
    public var successThreshold: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.successThreshold(value)
        }

    /** Without a successful sibling, use the verifier's feedback as the teacher's context. */
    public var useFeedback: Boolean
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.useFeedback(value)
        }

    /** How per-token losses become one scalar (the official `loss_agg_mode`). */
    public var aggregation: LossAggregation
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.aggregation(value)
        }

    /** What the student's logits are divided by before the log-softmax. */
    public var logitTemperature: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.logitTemperature(value)
        }

    /** Importance weights between the trainer's and the sampler's log-probabilities (verl `rollout_is`). */
    public var rolloutCorrection: RolloutCorrection
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.rolloutCorrection(value)
        }

    /** The rollout-correction weights' upper truncation. */
    public var rolloutCorrectionThreshold: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.rolloutCorrectionThreshold(value)
        }

    /** The weight of the GRPO loss mixed in; 0 is pure SDPO. */
    public var grpoWeight: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.grpoWeight(value)
        }

    /** The options of the GRPO loss mixed in when [grpoWeight] is positive. */
    public fun grpo(configure: GrpoScope.() -> Unit) {
        builder.grpo { GrpoScope(it).configure() }
    }

    /** Optimisation passes over each batch of rollouts. */
    public var epochs: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.epochs(value)
        }
}
