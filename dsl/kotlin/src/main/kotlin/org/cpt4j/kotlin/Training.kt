package org.cpt4j.kotlin

import org.cpt4j.dsl.TrainingBuilder
import org.cpt4j.evaluation.EvaluationSampling
import org.cpt4j.evaluation.EvaluationSpec
import org.cpt4j.sampling.SamplingConfig

/** Training settings ([TrainingBuilder]): the experiment's, or an arm's own. */
@Cpt4jDsl
public class TrainingScope internal constructor(private val builder: TrainingBuilder) {

    /** Tasks sampled per step. */
    public var promptsPerStep: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.promptsPerStep(value)
        }

    /** Responses sampled per task (the group of group-relative objectives). */
    public var groupSize: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.groupSize(value)
        }

    /** How rollouts are sampled. */
    public fun sampling(configure: SamplingScope.() -> Unit) {
        builder.sampling { SamplingScope(it).configure() }
    }

    /** The post-training optimizer. */
    public fun optimizer(configure: OptimizerScope.() -> Unit) {
        builder.optimizer { OptimizerScope(it).configure() }
    }
}

/** How rollouts are sampled ([SamplingConfig.Builder]). */
@Cpt4jDsl
public class SamplingScope internal constructor(private val builder: SamplingConfig.Builder) {

    /** At least 0; 0 is greedy. */
    public var temperature: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.temperature(value)
        }

    /** The most likely tokens kept; 0 keeps all. */
    public var topK: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.topK(value)
        }

    /** The nucleus mass, in (0, 1]; 1 keeps all. */
    public var topP: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.topP(value)
        }

    /** The most tokens generated per response. */
    public var maxNewTokens: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.maxNewTokens(value)
        }
}

/** When and how every arm is evaluated ([EvaluationSpec.Builder]). */
@Cpt4jDsl
public class EvaluationScope internal constructor(private val builder: EvaluationSpec.Builder) {

    /** Steps between evaluations inside a stage; 0 for stage ends only. */
    public var everySteps: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.everySteps(value)
        }

    /** Held-out tasks per domain. */
    public var prompts: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.prompts(value)
        }

    /** The longest response generated. */
    public var maxNewTokens: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.maxNewTokens(value)
        }

    /** Greedy answers (the default), or pass@k: `sampling = passAtK(4, 1.0)`. */
    public var sampling: EvaluationSampling
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.sampling(value)
        }

    /** Seeds the held-out task streams and pass@k's samples (default: the experiment's seed). */
    public var seed: Long
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.seed(value)
        }

    /** @return one greedy answer per task */
    public fun greedy(): EvaluationSampling = EvaluationSampling.greedy()

    /** @return pass@[k]: a task counts as solved when one of [k] answers sampled at [temperature] is correct */
    public fun passAtK(k: Int, temperature: Double): EvaluationSampling = EvaluationSampling.passAtK(k, temperature)
}
