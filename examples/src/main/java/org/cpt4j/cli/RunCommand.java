package org.cpt4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.engine.ResolvedSpec;
import org.cpt4j.evaluation.EvaluationSampling;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.cpt4j.spec.InvalidInputException;

/** {@code cpt4j run quickstart}: the built-in experiments. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs an experiment: a spec file (JSON), or a built-in experiment.",
                "A spec: the base model (cached), then each arm through the curriculum's stages in order, evaluating "
                        + "every domain before the first stage and after each; prints each arm's accuracy table, "
                        + "continual-learning measures and collapse events, and writes <runs>/<experiment>/ "
                        + "(report.html; per arm metrics.jsonl, events.jsonl, drift.jsonl, samples.jsonl, accuracy.csv, "
                        + "measures.json, checkpoints/). Run the same spec again to resume it after a kill.",
                "quickstart: GRPO against SDPO with a frozen teacher on add then mod, from the default base model "
                        + "(2x64x4, pretrained for 2000 steps on add, mod, count the first time, about 3 minutes; "
                        + "cached after), evaluated every " + Quickstart.EVALUATE_EVERY + " steps; writes "
                        + "<runs>/quickstart/report.html."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    static final String QUICKSTART = Quickstart.NAME;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "A spec file, or a built-in experiment: "
            + "${COMPLETION-CANDIDATES}.", completionCandidates = BuiltInExperiments.class)
    private String experiment;

    @Mixin
    private StoreOptions store;

    @Mixin
    private PluginOptions plugins;

    @Mixin
    private RuntimeOptions runtime;

    @Mixin
    private OverrideOptions overrides;

    @Option(names = "--dry-run", description = "Resolves the spec (its defaults, the --set overrides, every "
            + "component's parameters with theirs) and prints it as JSON, a spec file that runs the same; trains nothing.")
    private boolean dryRun;

    @Option(names = "--logger", paramLabel = "ID", description = "Also send the run's scalars to this logger "
            + "(repeatable). Built in: csv, every scalar as a row of <runs>/<experiment>/scalars.csv; 'cpt4j plugins' "
            + "lists the loggers of installed plugins.")
    private List<String> loggers = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress on standard error (the tables and the report's path are "
            + "still printed, and every file is written).")
    private boolean quiet;

    @Option(names = "--runs", defaultValue = "runs", converter = OptionValues.Directory.class,
            description = "Where a spec's run writes its directory, "
            + "<runs>/<experiment>/; running the same spec again resumes it (default: ${DEFAULT-VALUE}).")
    private Path runs;

    /** The built-in experiments' names. */
    static final class BuiltInExperiments implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(QUICKSTART).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        Path file = Path.of(experiment);
        if (Files.isRegularFile(file)) {
            return run(overrides.read(file), file.toString());
        }
        if (!QUICKSTART.equals(experiment)) {
            throw new InvalidInputException("unknown experiment '" + experiment + "': no such spec file, and the "
                    + "built-in experiments are: " + QUICKSTART);
        }
        return run(overrides.apply(Quickstart.spec(), QUICKSTART), QUICKSTART);
    }

    private int run(ExperimentSpec spec, String source) {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Cpt4jEngine engine = plugins.engine();
        ResolvedSpec resolved = overrides.resolve(engine, spec, source);
        if (dryRun) {
            out.print(ExperimentSpecFile.toJson(resolved.explicit()));
            out.println();
            out.flush();
            return 0;
        }
        RunOptions options = RunOptions.of(o -> o.runs(runs).cache(store.cache)
                .checkpointEvery(store.checkpointEvery).threads(runtime.threads())
                .loggers(loggers.stream().map(ComponentSpec::of).toArray(ComponentSpec[]::new)));
        if (!quiet) {
            err.printf("run directory %s (report.html; per arm: metrics.jsonl, events.jsonl, drift.jsonl, "
                    + "samples.jsonl, accuracy.csv, measures.json, checkpoints/)%n", runs.resolve(spec.name()));
        }
        ExperimentProgress progress = ExperimentProgress.on(spec, err);
        RunResult result;
        try {
            result = engine.run(spec, options, quiet ? RunListener.SILENT : progress);
        } finally {
            progress.finish();
        }
        EvaluationSampling sampling = spec.evaluation().sampling();
        out.printf(Locale.ROOT, "experiment %s: %s accuracy on %d held-out tasks per domain%n", spec.name(),
                sampling.decodesGreedily() ? "greedy" : "pass@" + sampling.samples() + " (temperature "
                        + sampling.temperature() + ")", spec.evaluation().prompts());
        for (ArmResult arm : result.arms()) {
            out.println(arm.accuracy().format());
            out.println(arm.measures().format());
            out.println();
            if (!arm.collapse().isEmpty()) {
                out.printf("collapse events (%d):%n", arm.collapse().size());
                arm.collapse().forEach(event -> out.printf("  step %d %s [%s]: %s%n", event.step(), event.detector(),
                        event.severity(), event.evidence()));
                out.println();
            }
            if (!arm.pluginFailures().isEmpty()) {
                out.printf("plugin failures (%d; the arm went on without these components):%n",
                        arm.pluginFailures().size());
                arm.pluginFailures().forEach(failure -> out.printf("  step %d %s '%s' (plugin %s %s): %s%n",
                        failure.step(), failure.kind(), failure.id(), failure.plugin(), failure.version(),
                        failure.error()));
                out.println();
            }
        }
        out.println("report: " + result.report());
        List<String> stopped = result.arms().stream().filter(arm -> arm.stoppedBy().isPresent())
                .map(arm -> arm.name() + " (" + arm.stoppedBy().get().detector() + " at step "
                        + arm.stoppedBy().get().step() + ")").toList();
        if (!stopped.isEmpty()) {
            out.println("stopped early: " + String.join(", ", stopped) + "; exit status " + ExitCode.STOPPED);
        }
        out.flush();
        return stopped.isEmpty() ? ExitCode.OK : ExitCode.STOPPED;
    }
}
