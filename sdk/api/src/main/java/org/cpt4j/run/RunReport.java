package org.cpt4j.run;

import java.nio.file.Path;
import java.util.List;

/**
 * A written {@code report.html}.
 *
 * @param file the report, {@code <runs>/<experiment>/report.html}
 * @param missing what a finished run would show and this one does not, a sentence per arm that has not started or
 *     has stopped part way; empty when the run is complete
 */
public record RunReport(Path file, List<String> missing) {

    /** The report's file name in an experiment's run directory. */
    public static final String FILE = "report.html";

    public RunReport {
        missing = List.copyOf(missing);
    }

    /** @return whether every arm ran to its end */
    public boolean complete() {
        return missing.isEmpty();
    }
}
