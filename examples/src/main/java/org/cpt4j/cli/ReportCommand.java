package org.cpt4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.run.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cpt4j report runs/<experiment>}: writes the experiment's {@code report.html} from its files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes <run-dir>/report.html from an experiment's run directory: one self-contained page "
                + "(opens offline) with every arm's curves, accuracy matrix, forgetting, drift, events, sampled "
                + "rollouts and the run's provenance.",
                "A run writes its report after each arm; this writes it again, also for a run that is still going "
                        + "or was killed (the page says what is missing)."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The experiment's run directory, "
            + "<runs>/<experiment>/ (the one holding spec.json).")
    private Path directory;

    @Override
    public Integer call() {
        RunReport report = Cpt4jEngine.create().report(directory);
        PrintWriter out = command.commandLine().getOut();
        if (!report.complete()) {
            out.println("the run is not complete; the report shows what it has. Missing:");
            report.missing().forEach(line -> out.println("  " + line));
        }
        out.println("report: " + report.file());
        out.flush();
        return 0;
    }
}
