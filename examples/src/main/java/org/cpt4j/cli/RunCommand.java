package org.cpt4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cpt4j.evaluation.DomainScore;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.internal.rl.StepMetrics;
import org.cpt4j.internal.run.ArmResult;
import org.cpt4j.internal.run.ExperimentEngine;
import org.cpt4j.internal.run.ExperimentRunner;
import org.cpt4j.internal.run.RunSettings;
import org.cpt4j.pretrain.PretrainSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cpt4j run quickstart}: the built-in experiments. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs an experiment: a spec file (JSON), or a built-in experiment.",
                "A spec: the base model (cached), then each arm through the curriculum's stages in order, evaluating "
                        + "every domain before the first stage and after each; prints each arm's accuracy table.",
                "quickstart: pretrains the default base model (2x64x4, 2000 steps on add, mod, reverse, count; "
                        + "cached after the first run) and prints its per-domain evaluation with the teacher's "
                        + "advantage, the signal SDPO distils."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    static final String QUICKSTART = "quickstart";

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "A spec file, or a built-in experiment: "
            + "${COMPLETION-CANDIDATES}.", completionCandidates = Experiments.class)
    private String experiment;

    @Mixin
    private EvaluationOptions evaluation;

    @Mixin
    private RuntimeOptions runtime;

    @Option(names = "--runs", defaultValue = "runs", description = "Where a spec's run writes its directory, "
            + "<runs>/<experiment>/; running the same spec again resumes it (default: ${DEFAULT-VALUE}).")
    private Path runs;

    /** The built-in experiments' names. */
    static final class Experiments implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of(QUICKSTART).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        Path file = Path.of(experiment);
        if (Files.isRegularFile(file)) {
            runtime.apply();
            return runSpec(file);
        }
        if (!QUICKSTART.equals(experiment)) {
            throw new IllegalArgumentException("unknown experiment '" + experiment + "': no such spec file, and the "
                    + "built-in experiments are: " + QUICKSTART);
        }
        runtime.apply();
        PretrainSpec spec = PretrainSpec.of(p -> { });
        PrintWriter out = command.commandLine().getOut();
        BaseModelJob.Result result = evaluation.job().run(spec, out,
                command.commandLine().getErr());
        out.println();
        out.println(summary(spec, result.evaluation()));
        out.flush();
        return 0;
    }

    private int runSpec(Path file) throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        ExperimentEngine engine = ExperimentEngine.create(ExperimentSpecFile.read(file),
                new RunSettings(evaluation.cache(), runs, evaluation.checkpointEvery));
        ResolvedExperiment resolved = engine.resolved();
        ExperimentRunner runner = engine.runner();
        err.printf("writing %s (metrics.jsonl, events.jsonl, drift.jsonl, accuracy.csv, checkpoints/ per arm)%n",
                runner.directory());
        List<ArmResult> results = runner.run(ProgressBar.on(err, "pretrain"), new ExperimentRunner.Listener() {
            @Override
            public void onStep(String arm, int stage, StageSpec spec, long step, StepMetrics metrics) {
                if ((step + 1) % Math.max(1, spec.steps() / 10) == 0 || step + 1 == spec.steps()) {
                    err.printf(Locale.ROOT, "run %s, stage %d (%s): step %d/%d, reward %.3f, loss %.4f%n", arm,
                            stage + 1, spec.domain(), step + 1, spec.steps(), metrics.rewardMean(), metrics.loss());
                    err.flush();
                }
            }

            @Override
            public void onResume(String arm, long step, boolean done) {
                err.printf(Locale.ROOT, "run %s: %s from its checkpoint after %d steps%n", arm,
                        done ? "already finished; read" : "resuming", step);
                err.flush();
            }
        });
        out.printf("experiment %s: greedy accuracy on %d held-out tasks per domain%n", resolved.spec().name(),
                resolved.spec().training().evaluationPrompts());
        for (ArmResult result : results) {
            out.println(result.accuracy().format());
            if (!result.collapse().isEmpty()) {
                out.printf("collapse events (%d):%n", result.collapse().size());
                result.collapse().forEach(event -> out.printf("  step %d %s [%s]: %s%n", event.step(), event.detector(),
                        event.severity(), event.evidence()));
                out.println();
            }
        }
        out.flush();
        return 0;
    }

    /** @return one line per pretraining domain: the teacher's advantage, and the smallest of them */
    static String summary(PretrainSpec spec, Evaluation evaluation) {
        StringBuilder out = new StringBuilder("teacher advantage on the pretraining mix (accuracy points):");
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < evaluation.student().size(); i++) {
            DomainScore score = evaluation.student().get(i);
            if (spec.mix().contains(score.domain())) {
                double points = evaluation.teacherAdvantagePoints(i);
                smallest = Math.min(smallest, points);
                out.append(String.format(Locale.ROOT, " %s %+.0f", score.domain(), points));
            }
        }
        return out.append(String.format(Locale.ROOT, "; smallest %+.0f", smallest)).toString();
    }
}
