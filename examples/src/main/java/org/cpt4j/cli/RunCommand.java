package org.cpt4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cpt4j.evaluation.DomainScore;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.pretrain.PretrainSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code cpt4j run quickstart}: the built-in experiments. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a built-in experiment.",
                "quickstart: pretrains the default base model (2x64x4, 2000 steps on add, mod, reverse, count; "
                        + "cached after the first run) and prints its per-domain evaluation with the teacher's "
                        + "advantage, the signal SDPO distils."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    static final String QUICKSTART = "quickstart";

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Experiments.class)
    private String experiment;

    @Mixin
    private EvaluationOptions evaluation;

    @Mixin
    private RuntimeOptions runtime;

    /** The built-in experiments' names. */
    static final class Experiments implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of(QUICKSTART).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!QUICKSTART.equals(experiment)) {
            throw new IllegalArgumentException("unknown experiment '" + experiment + "'; built-in experiments: "
                    + QUICKSTART);
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
