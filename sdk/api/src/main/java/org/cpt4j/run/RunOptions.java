package org.cpt4j.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.spec.Problems;

/**
 * How a run is carried out; none of it changes what the run computes.
 *
 * @param runs where each experiment writes its directory, {@code <runs>/<experiment>/} (default {@code runs})
 * @param cache where base models are cached, shared by experiments (default {@code runs/cache})
 * @param checkpointEvery steps between checkpoints of pretraining and of each arm's post-training; an arm is also
 *     checkpointed after each stage (default 100)
 * @param threads ND4J's native threads (default: {@code CPT4J_THREADS}, else {@code OMP_NUM_THREADS}, else one per
 *     two cores, which measured fastest for models this small, see docs/performance.md)
 * @param loggers the {@link org.cpt4j.logging.RunLogger}s that receive the run's scalars besides its own files, by
 *     component id and parameters (default none; the built-in {@code csv} is {@code Loggers.csv()})
 */
public record RunOptions(Path runs, Path cache, int checkpointEvery, int threads, List<ComponentSpec> loggers) {

    /** Environment variable that sets the native thread count ({@link #defaultThreads()}). */
    public static final String THREADS_VARIABLE = "CPT4J_THREADS";

    public RunOptions {
        Problems problems = new Problems("options");
        problems.require(checkpointEvery >= 1, "checkpointEvery", "must be at least 1 step, was " + checkpointEvery);
        problems.require(threads >= 1, "threads", "must be at least 1, was " + threads);
        problems.throwIfAny("run options");
        loggers = List.copyOf(loggers);
    }

    /** @return the defaults with what {@code configure} changes */
    public static RunOptions of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return new RunOptions(builder.runs, builder.cache != null ? builder.cache : builder.runs.resolve("cache"),
                builder.checkpointEvery, builder.threads, builder.loggers);
    }

    /** @return the defaults */
    public static RunOptions defaults() {
        return of(options -> { });
    }

    /**
     * @return the native thread count to use: {@code CPT4J_THREADS} if set, else {@code OMP_NUM_THREADS} if set,
     *     else one thread per two cores (at least one), which measured fastest for small models
     *     (docs/performance.md)
     * @throws IllegalArgumentException when one of the variables is set to something other than a positive integer
     */
    public static int defaultThreads() {
        return defaultThreads(System.getenv(), Runtime.getRuntime().availableProcessors());
    }

    /** @return {@link #defaultThreads()} for the environment {@code environment} on {@code cores} cores */
    static int defaultThreads(java.util.Map<String, String> environment, int cores) {
        for (String variable : new String[] {THREADS_VARIABLE, "OMP_NUM_THREADS"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                try {
                    int threads = Integer.parseInt(value.trim());
                    if (threads >= 1) {
                        return threads;
                    }
                } catch (NumberFormatException e) {
                    // reported below, with the variable's name
                }
                throw new IllegalArgumentException(variable + " must be a positive integer, was '" + value + "'");
            }
        }
        return Math.max(1, cores / 2);
    }

    /** Builder for {@link RunOptions}. */
    public static final class Builder {
        private Path runs = Path.of("runs");
        private Path cache;
        private int checkpointEvery = 100;
        private int threads = defaultThreads();
        private final List<ComponentSpec> loggers = new ArrayList<>();

        private Builder() {
        }

        /** Where experiments write their directories; the cache follows it unless set. */
        public Builder runs(Path value) {
            runs = value;
            return this;
        }

        public Builder cache(Path value) {
            cache = value;
            return this;
        }

        public Builder checkpointEvery(int value) {
            checkpointEvery = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        /** Adds loggers that receive the run's scalars, e.g. {@code Loggers.csv()}. */
        public Builder loggers(ComponentSpec... values) {
            loggers.addAll(List.of(values));
            return this;
        }
    }
}
