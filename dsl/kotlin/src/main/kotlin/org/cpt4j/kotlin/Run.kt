package org.cpt4j.kotlin

import java.nio.file.Path
import org.cpt4j.dsl.Cpt4j
import org.cpt4j.experiment.ComponentSpec
import org.cpt4j.experiment.ExperimentSpec
import org.cpt4j.run.RunListener
import org.cpt4j.run.RunOptions
import org.cpt4j.run.RunResult

/**
 * Runs [spec] (or resumes an earlier run of it) as [Cpt4j.run] does, with the [RunOptions] defaults that [options]
 * changes, telling [listener] about progress: `runExperiment(spec) { runs = dir; threads = 1 }`, or with
 * `listener = RunListener.onStep { arm, _, _, step, metrics -> ... }`. Not named `run`, which is Kotlin's own.
 *
 * @return each arm's result by name (`result.arm("sdpo")`, `result.arms.map { it.name }`); the files are under
 *     [RunResult.directory]
 */
public fun runExperiment(
    spec: ExperimentSpec,
    listener: RunListener = RunListener.SILENT,
    options: RunOptionsScope.() -> Unit = {},
): RunResult = Cpt4j.run(spec, runOptions(options), listener)

internal fun runOptions(configure: RunOptionsScope.() -> Unit): RunOptions =
    RunOptions.of { RunOptionsScope(it).configure() }

/** How a run is carried out ([RunOptions.Builder]); none of it changes what the run computes. */
@Cpt4jDsl
public class RunOptionsScope internal constructor(private val builder: RunOptions.Builder) : LoggerFactories {

    /** Where experiments write their directories, `<runs>/<experiment>/`; the cache follows it unless set. */
    public var runs: Path
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.runs(value)
        }

    /** Where base models are cached, shared by experiments. */
    public var cache: Path
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.cache(value)
        }

    /** Steps between checkpoints; an arm is also checkpointed after each stage. */
    public var checkpointEvery: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.checkpointEvery(value)
        }

    /** ND4J's native threads. */
    public var threads: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.threads(value)
        }

    /** Adds loggers that receive the run's scalars besides the run's own files: `loggers(csv())`. */
    public fun loggers(vararg loggers: ComponentSpec) {
        builder.loggers(*loggers)
    }
}
