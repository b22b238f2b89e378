package org.cpt4j.kotlin

import org.cpt4j.dsl.Cpt4j
import org.cpt4j.dsl.ExperimentBuilder
import org.cpt4j.experiment.ComponentSpec
import org.cpt4j.experiment.ExperimentSpec

/**
 * Builds the experiment named [name] (its directory under `runs/`) as [Cpt4j.experiment] does, with its defaults:
 *
 * ```
 * val spec = experiment("sdpo-vs-grpo") {
 *     curriculum { stage("add") { steps = 100 } }
 *     arm("sdpo") { objective = sdpo { alpha = 0.5 } }
 * }
 * ```
 *
 * @throws org.cpt4j.spec.InvalidSpecException listing every problem of every part, each with its path
 */
public fun experiment(name: String, configure: ExperimentScope.() -> Unit): ExperimentSpec {
    val builder = Cpt4j.experiment(name)
    ExperimentScope(builder).configure()
    return builder.build()
}

/** The parts of an experiment ([ExperimentBuilder]); every part has a default except the arms. */
@Cpt4jDsl
public class ExperimentScope internal constructor(private val builder: ExperimentBuilder) :
    DriftFactories, CollapseFactories {

    /** Seeds post-training (tasks and sampling); the base model's pretraining has its own [BaseScope.seed]. */
    public var seed: Long
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.seed(value)
        }

    /**
     * The base model's shape (default 2 layers, width 64, 4 heads, context 96; the vocabulary comes from the
     * domains). The one place the model is set: [base] has no model of its own.
     */
    public fun model(configure: ModelScope.() -> Unit) {
        builder.model { ModelScope(it).configure() }
    }

    /** The base model's pretraining (defaults: [org.cpt4j.pretrain.PretrainSpec.of]). */
    public fun base(configure: BaseScope.() -> Unit) {
        builder.base { BaseScope(it).configure() }
    }

    /** The stages every arm is post-trained on, and extra evaluation domains. */
    public fun curriculum(configure: CurriculumScope.() -> Unit) {
        builder.curriculum { CurriculumScope(it).configure() }
    }

    /** The arms' default training settings. */
    public fun training(configure: TrainingScope.() -> Unit) {
        builder.training { TrainingScope(it).configure() }
    }

    /** When and how every arm is evaluated (defaults: [org.cpt4j.evaluation.EvaluationSpec.of], this seed). */
    public fun evaluation(configure: EvaluationScope.() -> Unit) {
        builder.evaluation { EvaluationScope(it).configure() }
    }

    /** Adds an arm named [name]; arms are compared on the same curriculum from the same base. */
    public fun arm(name: String, configure: ArmScope.() -> Unit) {
        builder.arm(name) { ArmScope(it).configure() }
    }

    /** Adds drift metrics measured after every stage, e.g. `drift(parameters(), spectral())`. */
    public fun drift(vararg metrics: ComponentSpec) {
        builder.drift(*metrics)
    }

    /** Adds collapse detectors watching every step, e.g. `collapse(nonFinite())`; their events are recorded. */
    public fun collapse(vararg detectors: ComponentSpec) {
        builder.collapse(*detectors)
    }

    /**
     * Adds a collapse detector whose events do what [action] says: `collapse(nonFinite()) { stop() }`, or
     * `collapse(formatFailureAbove(0.5)) { rollback { learningRateScale = 0.5 }; maxTimes = 2 }`.
     */
    public fun collapse(detector: ComponentSpec, action: CollapseActionScope.() -> Unit) {
        builder.collapse(detector) { CollapseActionScope(it).action() }
    }
}
