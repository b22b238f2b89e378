package org.cpt4j.cli;

import org.cpt4j.run.RunOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --threads} option every computing command shares. */
final class RuntimeOptions {

    @Option(names = "--threads", converter = OptionValues.AtLeastOne.class,
            description = "Native threads (default: $CPT4J_THREADS, else $OMP_NUM_THREADS, else one per two cores).")
    private @Nullable Integer threads;

    /** @return the chosen thread count, or the runtime's default */
    int threads() {
        return threads != null ? threads : RunOptions.defaultThreads();
    }
}
