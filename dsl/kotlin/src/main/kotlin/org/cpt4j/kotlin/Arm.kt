package org.cpt4j.kotlin

import org.cpt4j.dsl.ArmBuilder
import org.cpt4j.experiment.ArmChange
import org.cpt4j.experiment.CollapseAction
import org.cpt4j.experiment.ComponentSpec

/**
 * One arm ([ArmBuilder]): its [objective] (required), [teacher] (default: frozen), rewards (default: the
 * verifier's correctness) and, optionally, its own [training].
 */
@Cpt4jDsl
public class ArmScope internal constructor(private val builder: ArmBuilder) :
    ObjectiveFactories, TeacherFactories, RewardFactories {

    /** The objective: `objective = grpo { klBeta = 0.04 }`, or any plugin's `ComponentSpec`. */
    public var objective: ComponentSpec
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.objective(value)
        }

    /** The teacher schedule: `teacher = ema(0.05)`. */
    public var teacher: ComponentSpec
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.teacher(value)
        }

    /** Adds a reward component logged as [name], weighted by [weight]: `reward("format", 0.1, format())`. */
    public fun reward(name: String, weight: Double, model: ComponentSpec) {
        builder.reward(name, weight, model)
    }

    /** This arm's own training settings, instead of the experiment's. */
    public fun training(configure: TrainingScope.() -> Unit) {
        builder.training { TrainingScope(it).configure() }
    }
}

/** What a collapse rule does with its detector's events ([CollapseAction.Builder]); by default it records them. */
@Cpt4jDsl
public class CollapseActionScope internal constructor(private val builder: CollapseAction.Builder) {

    /** Ends the arm when the detector fires. */
    public fun stop() {
        builder.stop()
    }

    /** Rolls back to the newest checkpoint before the event and goes on with what [change] changes. */
    public fun rollback(change: ArmChangeScope.() -> Unit) {
        builder.rollback { ArmChangeScope(it).change() }
    }

    /** How many rollbacks at most; the event after the last one stops the arm. */
    public var maxTimes: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.maxTimes(value)
        }
}

/** What a rollback changes ([ArmChange.Builder]); it must change something. */
@Cpt4jDsl
public class ArmChangeScope internal constructor(private val builder: ArmChange.Builder) : TeacherFactories {

    /** Multiplies the post-training learning rate (0.5 halves it). */
    public var learningRateScale: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.learningRateScale(value)
        }

    /** A teacher schedule that replaces the arm's (`frozen()` freezes the teacher where it is). */
    public var teacher: ComponentSpec
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.teacher(value)
        }
}
