package org.cpt4j.internal.run;

import java.nio.file.Path;

/**
 * Where a run keeps its files.
 *
 * @param cache where base models are cached ({@code runs/cache} by default), shared by experiments
 * @param runs where each experiment writes its directory, {@code <runs>/<experiment>/} ({@code runs} by default)
 */
public record RunSettings(Path cache, Path runs) {

    /** @return the settings under {@code root}: {@code root/cache} and {@code root} */
    public static RunSettings under(Path root) {
        return new RunSettings(root.resolve("cache"), root);
    }
}
