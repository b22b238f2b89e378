package org.cpt4j.internal.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.sweep.SweepListener;
import org.cpt4j.sweep.SweepOptions;
import org.cpt4j.sweep.SweepResult;
import org.cpt4j.sweep.SweepSpec;
import org.cpt4j.sweep.SweepTask;

/**
 * Runs a sweep's tasks on {@link SweepOptions#parallel()} threads of this JVM, each task an ordinary run in its own
 * runs directory (so each resumes on its own), after the distinct base models are pretrained one at a time (their
 * cache entries have one writer each). Tasks of equal specs (an arm at the points of an axis it does not read) run
 * once and count for each. A failed task does not stop the others: the sweep aggregates those that finished and names
 * the others.
 */
public final class LocalSweep {

    private final Cpt4jEngine engine;

    public LocalSweep(Cpt4jEngine engine) {
        this.engine = engine;
    }

    /** @return the sweep's groups, after writing {@code sweep.json} and a report over the seeds of each */
    public SweepResult run(SweepSpec sweep, SweepOptions options, SweepListener listener) {
        List<SweepTask> tasks = sweep.tasks();
        for (ExperimentSpec spec : new LinkedHashSet<>(tasks.stream().map(SweepTask::spec).toList())) {
            engine.resolve(spec);
        }
        Path root = options.run().runs();
        for (PretrainSpec base : new LinkedHashSet<>(tasks.stream().map(t -> t.spec().base()).toList())) {
            engine.pretrain(base, options.run(), listener.pretraining());
        }
        Map<SweepTask, Optional<ArmResult>> results = new LinkedHashMap<>();
        Map<Path, String> failures = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "cpt4j-sweep");
            thread.setDaemon(true);
            return thread;
        });
        // an axis that only one arm reads leaves the others' specs equal across its values: each such spec runs once
        Map<ExperimentSpec, SweepTask> first = new LinkedHashMap<>();
        Map<SweepTask, SweepTask> ranAs = new LinkedHashMap<>();
        try {
            Map<SweepTask, Future<ArmResult>> running = new LinkedHashMap<>();
            for (SweepTask task : tasks) {
                SweepTask runner = first.computeIfAbsent(task.spec(), spec -> task);
                ranAs.put(task, runner);
                if (runner == task) {
                    running.put(task, pool.submit(() -> runTask(task, options.run(), root, listener)));
                }
            }
            for (SweepTask task : tasks) {
                SweepTask runner = ranAs.get(task);
                try {
                    results.put(task, Optional.of(running.get(runner).get()));
                } catch (ExecutionException e) {
                    results.put(task, Optional.empty());
                    failures.put(runner.directory(), String.valueOf(e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Path> reports = new LinkedHashMap<>();
        SweepAggregate.byGroup(tasks).forEach((group, members) -> {
            List<Path> finished = members.stream().filter(t -> results.get(t).isPresent())
                    .map(t -> root.resolve(ranAs.get(t).directory()).resolve(t.spec().name())).toList();
            if (!finished.isEmpty()) {
                Path file = root.resolve(group).resolve("report.html");
                engine.report(finished, file);
                reports.put(group, file);
            }
        });
        try {
            return SweepAggregate.write(sweep, results, ranAs, failures, root, reports);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(SweepAggregate.FILE) + ": " + e.getMessage(), e);
        }
    }

    private ArmResult runTask(SweepTask task, RunOptions run, Path root, SweepListener listener) {
        listener.onTaskStarted(task);
        try {
            RunOptions options = new RunOptions(root.resolve(task.directory()), run.cache(), run.checkpointEvery(),
                    run.threads(), run.loggers());
            ArmResult result = engine.run(task.spec(), options, RunListener.SILENT).arms().get(0);
            listener.onTaskEnded(task, Optional.empty());
            return result;
        } catch (RuntimeException e) {
            listener.onTaskEnded(task, Optional.of(String.valueOf(e.getMessage())));
            throw e;
        }
    }
}
