package org.cpt4j.logging;

import java.nio.file.Path;
import java.util.List;

/**
 * What a logger is told when a run starts.
 *
 * @param experiment the experiment's name
 * @param directory the run's directory, {@code <runs>/<experiment>/}, where a logger that writes files writes them
 * @param arms the arms, in the spec's order
 */
public record LoggerContext(String experiment, Path directory, List<String> arms) {

    public LoggerContext {
        arms = List.copyOf(arms);
    }
}
