package org.cpt4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cpt4j.domain.SolutionStyle;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.evaluation.SeedSpread;
import org.cpt4j.pretrain.PretrainSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.cpt4j.spec.InvalidInputException;

/** {@code cpt4j pretrain}: trains (or reuses) a base model and prints its per-domain evaluation. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pretrains a base model on a mix of domains to partial skill, with teacher-format examples so "
                + "that the model can use privileged context, then evaluates it on every domain as the student and "
                + "as its own teacher.",
                "Models are cached by a hash of the spec under --cache: the same spec is trained once, and a killed "
                        + "run resumes from its last checkpoint."})
final class PretrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--mix", split = ",", description = "Domains to train on (default: add,mod,count).")
    private @Nullable List<String> mix;

    @Option(names = "--steps", description = "Optimizer steps (default: 2000).")
    private @Nullable Integer steps;

    @Option(names = "--batch-size", description = "Examples per step (default: 32).")
    private @Nullable Integer batchSize;

    @Option(names = "--teacher-fraction", description = "Fraction of examples in teacher format (default: 0.6).")
    private @Nullable Double teacherFraction;

    @Option(names = "--response-style", description = "Reasoning before the answer: ${COMPLETION-CANDIDATES} "
            + "(default: ANSWER_ONLY).")
    private @Nullable SolutionStyle responseStyle;

    @Option(names = "--layers", defaultValue = "2", description = "Transformer blocks (default: ${DEFAULT-VALUE}).")
    private int layers;

    @Option(names = "--width", defaultValue = "64", description = "Model width (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--heads", defaultValue = "4", description = "Attention heads (default: ${DEFAULT-VALUE}).")
    private int heads;

    @Option(names = "--context", defaultValue = "96", description = "Context length (default: ${DEFAULT-VALUE}).")
    private int context;

    @Option(names = "--seed", description = "Seed of initialisation and data (default: 7).")
    private @Nullable Long seed;

    @Option(names = "--seeds", defaultValue = "1", description = "Pretrain this many base models, seeds --seed, "
            + "--seed + 1, ..., and print each domain's accuracy as mean, spread and per-seed values: how much of the "
            + "recipe's result is the recipe's (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Mixin
    private EvaluationOptions evaluation;

    @Mixin
    private RuntimeOptions runtime;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new InvalidInputException("--seeds must be at least 1, was " + seeds);
        }
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        BaseModelJob job = evaluation.job(runtime.threads());
        PretrainSpec first = spec(seed != null ? seed : PretrainSpec.of(p -> { }).seed());
        if (seeds == 1) {
            job.run(first, out, err);
            return 0;
        }
        List<Long> seedList = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            PretrainSpec spec = spec(first.seed() + i);
            evaluations.add(job.obtainAndEvaluate(spec, out, err).evaluation());
            seedList.add(spec.seed());
        }
        SeedSpread spread = new SeedSpread(seedList, evaluations);
        out.printf(Locale.ROOT, "%nheld-out accuracy over %d seeds, greedy, %d prompts per domain (teacher: the worked "
                + "solution as privileged context)%n", seeds, evaluation.prompts);
        out.print(spread.table());
        out.println();
        out.println(BaseModelJob.verdict(first, spread));
        out.flush();
        return 0;
    }

    private PretrainSpec spec(long chosenSeed) {
        return PretrainSpec.of(p -> {
            p.model(m -> m.layers(layers).width(width).heads(heads).context(context)).seed(chosenSeed);
            if (mix != null) {
                p.mix(mix.toArray(String[]::new));
            }
            if (steps != null) {
                p.steps(steps);
            }
            if (batchSize != null) {
                p.batchSize(batchSize);
            }
            if (teacherFraction != null) {
                p.teacherFraction(teacherFraction);
            }
            if (responseStyle != null) {
                p.responseStyle(responseStyle);
            }
        });
    }
}
