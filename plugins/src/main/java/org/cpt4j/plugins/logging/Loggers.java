package org.cpt4j.plugins.logging;

import java.util.List;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.logging.RunLogger;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;

/**
 * The built-in run loggers, each declared once, and their specs for run options:
 * {@code Cpt4j.run(spec, o -> o.loggers(Loggers.csv()))}, or {@code cpt4j run spec.json --logger csv}.
 *
 * <p>A TensorBoard event-file logger is not built in: Maven Central has no maintained JVM writer of event files
 * apart from TensorFlow Java's, which needs TensorFlow's native runtime. {@code scalars.csv} loads into pandas, R
 * or a spreadsheet; a third party can add a TensorBoard or W&amp;B logger as a plugin of this kind.
 */
public final class Loggers {

    /** {@code csv}: every scalar as a row {@code arm,step,tag,value} of one file in the run's directory. */
    public static final Component<CsvLogger.Options, RunLogger> CSV = Component.of(ComponentKind.LOGGER, "csv",
            new CsvLogger.Options("scalars.csv"), CsvLogger::new);

    /** Every declaration above, in order: what {@code BuiltInPlugin} registers (a test checks none is left out). */
    public static final List<Component<?, ?>> ALL = List.of(CSV);

    private Loggers() {
    }

    /** @return {@code csv}, writing {@code <run-dir>/scalars.csv} */
    public static ComponentSpec csv() {
        return CSV.spec();
    }

    /** @return {@code csv}, writing {@code file} (relative to the run's directory) */
    public static ComponentSpec csv(String file) {
        return CSV.spec(new CsvLogger.Options(file));
    }
}
