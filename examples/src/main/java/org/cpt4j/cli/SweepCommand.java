package org.cpt4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.evaluation.SeedSpread.Statistic;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.spec.InvalidInputException;
import org.cpt4j.sweep.GridAxis;
import org.cpt4j.sweep.SweepListener;
import org.cpt4j.sweep.SweepOptions;
import org.cpt4j.sweep.SweepResult;
import org.cpt4j.sweep.SweepSpec;
import org.cpt4j.sweep.SweepTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cpt4j sweep spec.json --seeds 3 --grid training.optimizer.learningRate=0.001,0.003}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Sweeps an experiment over seeds and a grid of spec values: every arm at every grid point "
                + "under every seed is one run, in <runs>/<point>/<arm>/seed-<seed>/, several at once. Writes "
                + "<runs>/sweep.json (every measure over the seeds: mean, standard deviation, each seed's value) and "
                + "a report over the seeds of each arm at each point, <runs>/<point>/<arm>/report.html. Run the same "
                + "sweep again to resume it after a kill."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The experiment's spec file (JSON).")
    private Path experiment;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N", description = "Seeds per arm and point: the "
            + "spec's own and the N-1 after it (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--grid", paramLabel = "PATH=V1,V2", description = "A grid axis: a spec path as --set takes it "
            + "and its values (repeatable; the grid is every combination).")
    private List<String> grid = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "K", description = "Runs at once (default: the cores over "
            + "--threads).")
    private Integer parallel;

    @Option(names = "--runs", defaultValue = "sweeps", converter = OptionValues.Directory.class,
            description = "The sweep's folder (default: ${DEFAULT-VALUE}).")
    private Path runs;

    @Option(names = "--quiet", description = "No progress on standard error.")
    private boolean quiet;

    @Mixin
    private StoreOptions store;

    @Mixin
    private PluginOptions plugins;

    @Mixin
    private RuntimeOptions runtime;

    @Mixin
    private OverrideOptions overrides;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(experiment)) {
            throw new InvalidInputException("no spec file " + experiment + "; a sweep takes an experiment's spec file");
        }
        if (seeds < 1) {
            throw new InvalidInputException("--seeds must be at least 1, was " + seeds);
        }
        if (parallel != null && parallel < 1) {
            throw new InvalidInputException("--parallel must be at least 1, was " + parallel);
        }
        List<GridAxis> axes = new ArrayList<>();
        for (String axis : grid) {
            try {
                axes.add(GridAxis.parse(axis));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--grid " + axis + ": " + e.getMessage(), e);
            }
        }
        ExperimentSpec spec = overrides.read(experiment);
        Cpt4jEngine engine = plugins.engine();
        overrides.resolve(engine, spec, experiment.toString());
        SweepSpec sweep = SweepSpec.of(spec, seeds, axes);
        List<SweepTask> all = sweep.tasks();
        long runsToDo = all.stream().map(SweepTask::spec).distinct().count();
        RunOptions run = RunOptions.of(o -> o.runs(runs).cache(store.cache).checkpointEvery(store.checkpointEvery)
                .threads(runtime.threads()));
        SweepOptions options = parallel != null ? new SweepOptions(run, parallel) : SweepOptions.fillingTheCores(run);
        PrintWriter err = command.commandLine().getErr();
        if (!quiet) {
            err.printf("sweep %s: %d tasks (%d arms x %d points x %d seeds), %d runs (an arm that no axis reads runs "
                    + "once per seed), %d at a time, in %s%n", spec.name(), all.size(), spec.arms().size(),
                    sweep.points().size(), seeds, runsToDo, options.parallel(), runs);
            err.flush();
        }
        AtomicInteger ended = new AtomicInteger();
        ExperimentProgress pretraining = ExperimentProgress.on(spec, err);
        SweepListener listener = quiet ? SweepListener.SILENT : new SweepListener() {
            @Override
            public RunListener pretraining() {
                return pretraining;
            }

            @Override
            public void onTaskStarted(SweepTask task) {
                synchronized (err) {
                    pretraining.finish();
                }
            }

            @Override
            public void onTaskEnded(SweepTask task, Optional<String> error) {
                synchronized (err) {
                    err.printf("[%d/%d] %s %s%n", ended.incrementAndGet(), runsToDo, task.directory(),
                            error.map(e -> "failed: " + e).orElse("done"));
                    err.flush();
                }
            }
        };
        SweepResult result;
        try {
            result = engine.sweep(sweep, options, listener);
        } finally {
            pretraining.finish();
        }
        print(result);
        return result.failures().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private void print(SweepResult result) {
        PrintWriter out = command.commandLine().getOut();
        out.printf("%-40s %-12s %-22s %-22s %-22s%n", "point", "arm", "ACC", "BWT", "forgetting");
        for (SweepResult.Group group : result.groups()) {
            Map<String, Statistic> measures = group.measures();
            out.printf(Locale.ROOT, "%-40s %-12s %-22s %-22s %-22s%n", SweepTask.pointName(group.point()), group.arm(),
                    cell(measures.get("accuracy")), cell(measures.get("backwardTransfer")),
                    cell(measures.get("forgetting")));
        }
        result.failures().forEach((task, error) -> out.printf("failed: %s: %s%n", task, error));
        out.println("aggregate: " + result.file());
        out.flush();
    }

    private static String cell(Statistic statistic) {
        if (statistic == null || Double.isNaN(statistic.mean())) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f (%d)", statistic.mean(), statistic.spread(),
                statistic.perSeed().size());
    }
}
