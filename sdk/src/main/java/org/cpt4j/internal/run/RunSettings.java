package org.cpt4j.internal.run;

import java.nio.file.Path;

/**
 * Where a run keeps its files, and how often it checkpoints.
 *
 * @param cache where base models are cached ({@code runs/cache} by default), shared by experiments
 * @param runs where each experiment writes its directory, {@code <runs>/<experiment>/} ({@code runs} by default)
 * @param checkpointEvery post-training steps between an arm's checkpoints (one is also written after each stage)
 */
public record RunSettings(Path cache, Path runs, int checkpointEvery) {

    /** Steps between checkpoints by default. */
    public static final int DEFAULT_CHECKPOINT_EVERY = 25;

    public RunSettings {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpoints must be at least 1 step apart, was " + checkpointEvery);
        }
    }

    /** @return the settings under {@code root}: {@code root/cache} and {@code root}, the default checkpoint period */
    public static RunSettings under(Path root) {
        return new RunSettings(root.resolve("cache"), root, DEFAULT_CHECKPOINT_EVERY);
    }
}
