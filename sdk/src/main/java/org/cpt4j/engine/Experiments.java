package org.cpt4j.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.internal.run.ExperimentEngine;
import org.cpt4j.internal.runtime.NativeRuntime;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.RunResult;

/**
 * Checks and runs experiments with the plugins {@link java.util.ServiceLoader} finds, one Guice injector per
 * experiment. A run obtains the base model (cached under {@link RunOptions#cache()}), takes each arm through the
 * curriculum, and writes {@code <runs>/<experiment>/}; running the same spec again resumes it from its
 * checkpoints (docs/user-guide.md).
 */
public final class Experiments {

    private Experiments() {
    }

    /**
     * Resolves every component {@code spec} names, without running anything.
     *
     * @throws org.cpt4j.spec.InvalidSpecException listing every unknown id and invalid parameter with its path
     */
    public static void validate(ExperimentSpec spec) {
        ExperimentEngine.create(spec, RunOptions.defaults());
    }

    /**
     * Runs {@code spec}, or resumes it where an earlier run of the same spec stopped.
     *
     * @throws org.cpt4j.spec.InvalidSpecException before anything runs, listing every problem of the spec
     * @throws IllegalStateException when the run directory holds a different spec of the same name
     * @throws UncheckedIOException when a file cannot be read or written, naming it
     */
    public static RunResult run(ExperimentSpec spec, RunOptions options, RunListener listener) {
        ExperimentEngine engine = ExperimentEngine.create(spec, options);
        NativeRuntime.useThreads(options.threads());
        try {
            return engine.runner().run(listener);
        } catch (IOException e) {
            throw new UncheckedIOException("experiment '" + spec.name() + "': " + e.getMessage(), e);
        }
    }
}
