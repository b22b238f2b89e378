package org.cpt4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.run.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cpt4j report runs/<experiment>}: writes the experiment's {@code report.html} from its files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes <run-dir>/report.html from an experiment's run directory: one self-contained page "
                + "(opens offline) with every arm's curves, accuracy matrix, forgetting, drift, events, sampled "
                + "rollouts and the run's provenance.",
                "A run writes its report after each arm; this writes it again, also for a run that is still going "
                        + "or was killed (the page says what is missing).",
                "With several run directories, the runs of one experiment under different seeds: one report over "
                        + "them, each curve the mean with a band from the lowest to the highest seed, each measure "
                        + "the mean ± the standard deviation (written to --out)."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", converter = OptionValues.GivenPath.class,
            description = "The experiment's run directory, "
            + "<runs>/<experiment>/ (the one holding spec.json); several for one report over seeds.")
    private List<Path> directories;

    @Option(names = "--out", paramLabel = "FILE", converter = OptionValues.OutputFile.class,
            description = "Where the report over several seeds goes (default: "
            + "report-over-seeds.html beside the first run directory). A single run's report is its report.html.")
    private Path out;

    @Override
    public Integer call() {
        Cpt4jEngine engine = Cpt4jEngine.create();
        RunReport report;
        if (directories.size() == 1 && out == null) {
            report = engine.report(directories.get(0));
        } else {
            Path first = directories.get(0).toAbsolutePath().normalize();
            report = engine.report(directories, out != null ? out : first.resolveSibling("report-over-seeds.html"));
        }
        PrintWriter printed = command.commandLine().getOut();
        if (!report.complete()) {
            printed.println("the run is not complete; the report shows what it has. Missing:");
            report.missing().forEach(line -> printed.println("  " + line));
        }
        printed.println("report: " + report.file());
        printed.flush();
        return 0;
    }
}
