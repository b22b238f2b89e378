package org.cpt4j.internal.bench;

import java.util.List;
import java.util.function.Consumer;
import org.cpt4j.bench.BenchReport;
import org.cpt4j.domain.Domain;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.objective.Objective;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.text.Tokenizer;

/**
 * Times the phases of on-policy steps (sampling; rewards, reference and teacher scoring; the optimizer step) of
 * a freshly initialised policy. An untrained policy earns no reward, so SDPO's teachers read the verifier's
 * feedback: every rollout is scored by the teacher, the most expensive case.
 */
public final class RlStepProbe {

    /**
     * What the step runs, resolved from the engine's plugins (the engine names no built-in class).
     *
     * @param objectives each objective timed, in order
     * @param teacher the teacher schedule
     * @param reward the reward
     * @param domain the tasks' domain
     * @param tokenizer the tokenizer of every registered domain
     */
    public record Components(List<Objective> objectives, TeacherSchedule teacher, WeightedReward reward, Domain domain,
                             Tokenizer tokenizer) {
    }


    static final int PROMPTS = 8;
    static final int GROUP_SIZE = 8;
    static final int MAX_NEW_TOKENS = 16;

    private final ModelConfig model;
    private final int warmupSteps;
    private final int steps;
    private final Components components;
    private final Consumer<String> progress;

    RlStepProbe(ModelConfig model, int warmupSteps, int steps, Components components, Consumer<String> progress) {
        this.model = model;
        this.warmupSteps = warmupSteps;
        this.steps = steps;
        this.components = components;
        this.progress = progress;
    }

    BenchReport.RlStep measure(Objective objective) {
        Tokenizer tokenizer = components.tokenizer();
        ModelConfig config = model.withVocabulary(tokenizer.vocabularySize());
        TransformerPolicy policy = TransformerPolicy.create(config, OptimizerConfig.of(o -> o.learningRate(1e-4)), 7);
        RlTrainer trainer = new RlTrainer(policy, new PromptFormat(tokenizer), objective, components.teacher(),
                components.reward(), new RlTrainer.Settings(PROMPTS, GROUP_SIZE,
                SamplingConfig.of(s -> s.maxNewTokens(MAX_NEW_TOKENS)), 5), Kernels.TRANSFORMER);
        Domain domain = components.domain();
        progress.accept("rl " + objective.id() + " " + model.layers() + "x" + model.width() + "x" + model.heads() + ": " + warmupSteps + " warm-up steps, " + steps + " timed");
        for (int step = 0; step < warmupSteps; step++) {
            trainer.step(domain, step);
        }
        double[] sampling = new double[steps];
        double[] scoring = new double[steps];
        double[] training = new double[steps];
        double[] total = new double[steps];
        for (int i = 0; i < steps; i++) {
            long started = System.nanoTime();
            StepMetrics metrics = trainer.step(domain, warmupSteps + i);
            total[i] = (System.nanoTime() - started) / 1e6;
            sampling[i] = metrics.samplingMs();
            scoring[i] = metrics.scoringMs();
            training[i] = metrics.trainingMs();
        }
        return new BenchReport.RlStep(model.layers() + "x" + model.width() + "x" + model.heads(), objective.id(),
                Timer.median(sampling), Timer.median(scoring),
                Timer.median(training), Timer.median(total), steps);
    }
}
