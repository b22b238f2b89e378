package org.cpt4j.kotlin

import org.cpt4j.domain.SolutionStyle
import org.cpt4j.model.ModelConfig
import org.cpt4j.model.OptimizerConfig
import org.cpt4j.pretrain.PretrainSpec

/** The base model's shape ([ModelConfig.Builder]). */
@Cpt4jDsl
public class ModelScope internal constructor(private val builder: ModelConfig.Builder) {

    /** Transformer blocks, at least 1. */
    public var layers: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.layers(value)
        }

    /** The residual stream's width, divisible by [heads]. */
    public var width: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.width(value)
        }

    /** Attention heads per block. */
    public var heads: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.heads(value)
        }

    /** The longest token sequence the model reads. */
    public var context: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.context(value)
        }

    /** Token ids; a run replaces it by its tokenizer's size. */
    public var vocabulary: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.vocabulary(value)
        }

    /** Whether the output head reuses the token embedding. */
    public var tiedEmbeddings: Boolean
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.tiedEmbeddings(value)
        }
}

/**
 * The base model's pretraining ([PretrainSpec.Builder]) but its model, which is the experiment's
 * ([ExperimentScope.model]): one place to set it.
 */
@Cpt4jDsl
public class BaseScope internal constructor(private val builder: PretrainSpec.Builder) {

    /** Replaces the default optimizer (AdamW 5e-3, warmup, cosine decay over [steps]). */
    public fun optimizer(configure: OptimizerScope.() -> Unit) {
        builder.optimizer { OptimizerScope(it).configure() }
    }

    /** The domains pretrained on, at least one, no repeats. */
    public fun mix(vararg domains: String) {
        builder.mix(*domains)
    }

    /** Optimizer steps. */
    public var steps: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.steps(value)
        }

    /** Examples per step. */
    public var batchSize: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.batchSize(value)
        }

    /** The fraction of examples in teacher format, within [0, 1]. */
    public var teacherFraction: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.teacherFraction(value)
        }

    /** How much reasoning responses write before the answer. */
    public var responseStyle: SolutionStyle
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.responseStyle(value)
        }

    /** Seeds initialisation and the example stream. */
    public var seed: Long
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.seed(value)
        }
}

/** AdamW and its schedule ([OptimizerConfig.Builder]). */
@Cpt4jDsl
public class OptimizerScope internal constructor(private val builder: OptimizerConfig.Builder) {

    /** The peak learning rate. */
    public var learningRate: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.learningRate(value)
        }

    /** The first- and second-moment decays. */
    public fun betas(first: Double, second: Double) {
        builder.betas(first, second)
    }

    /** Added to the root of the second moment. */
    public var epsilon: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.epsilon(value)
        }

    /** The decoupled weight decay coefficient. */
    public var weightDecay: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.weightDecay(value)
        }

    /** Steps of linear warmup. */
    public var warmupSteps: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.warmupSteps(value)
        }

    /** The step at which the cosine decay reaches its floor; 0 keeps the rate after warmup. */
    public var totalSteps: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.totalSteps(value)
        }

    /** The cosine decay's floor as a fraction of [learningRate]. */
    public var minLearningRateRatio: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.minLearningRateRatio(value)
        }

    /** The global gradient-norm limit; 0 disables clipping. */
    public var maxGradNorm: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.maxGradNorm(value)
        }
}
