package org.cpt4j.internal.bench;

import java.util.List;
import java.util.function.Consumer;
import org.cpt4j.bench.BenchReport;
import org.cpt4j.domain.Domain;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.internal.rl.SequenceScorer;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.objective.Objective;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.text.Tokenizer;

/**
 * Times the phases of on-policy steps (sampling; rewards, reference and teacher scoring; the optimizer step) of
 * a freshly initialised policy, and counts the arithmetic each phase did. An untrained policy earns no reward, so
 * SDPO's teachers read the verifier's feedback: every rollout is scored by the teacher, the most expensive case.
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
    private final double gemmGflops;

    /** @param gemmGflops the run's GEMM speed, which turns counted FLOPs into an arithmetic time */
    RlStepProbe(ModelConfig model, int warmupSteps, int steps, Components components, double gemmGflops,
                Consumer<String> progress) {
        this.model = model;
        this.warmupSteps = warmupSteps;
        this.steps = steps;
        this.components = components;
        this.gemmGflops = gemmGflops;
        this.progress = progress;
    }

    BenchReport.RlStep measure(Objective objective) {
        Tokenizer tokenizer = components.tokenizer();
        ModelConfig config = model.withVocabulary(tokenizer.vocabularySize());
        CountingKernels counter = new CountingKernels(config);
        TransformerPolicy policy = TransformerPolicy.create(config, OptimizerConfig.of(o -> o.learningRate(1e-4)), 7);
        RlTrainer trainer = new RlTrainer(policy, new PromptFormat(tokenizer), objective, components.teacher(),
                components.reward(), new RlTrainer.Settings(PROMPTS, GROUP_SIZE,
                SamplingConfig.of(s -> s.maxNewTokens(MAX_NEW_TOKENS)), 5), counter);
        Domain domain = components.domain();
        String shape = model.layers() + "x" + model.width() + "x" + model.heads();
        progress.accept("rl " + objective.id() + " " + shape + ": " + warmupSteps + " warm-up steps, " + steps + " timed");
        for (int step = 0; step < warmupSteps; step++) {
            trainer.step(domain, step);
        }
        double[] sampling = new double[steps];
        double[] scoring = new double[steps];
        double[] training = new double[steps];
        double[] total = new double[steps];
        double[] flops = new double[3];
        for (int i = 0; i < steps; i++) {
            counter.reset();
            long started = System.nanoTime();
            StepMetrics metrics = trainer.step(domain, warmupSteps + i);
            total[i] = (System.nanoTime() - started) / 1e6;
            sampling[i] = metrics.samplingMs();
            scoring[i] = metrics.scoringMs();
            training[i] = metrics.trainingMs();
            flops[0] += counter.sampled();
            flops[1] += counter.scored();
            flops[2] += objective.epochs() * 3 * config.forwardFlops(PROMPTS * GROUP_SIZE, counter.longest() - 1);
        }
        BenchReport.Phases gflop = new BenchReport.Phases(flops[0] / steps / 1e9, flops[1] / steps / 1e9,
                flops[2] / steps / 1e9, (flops[0] + flops[1] + flops[2]) / steps / 1e9);
        BenchReport.Phases ms = new BenchReport.Phases(Timer.median(sampling), Timer.median(scoring),
                Timer.median(training), Timer.median(total));
        return new BenchReport.RlStep(shape, objective.id(),
                ms.sampling(), ms.scoring(), ms.training(), ms.total(), steps, gflop, new BenchReport.Phases(
                share(gflop.sampling(), ms.sampling()), share(gflop.scoring(), ms.scoring()),
                share(gflop.training(), ms.training()), share(gflop.total(), ms.total())));
    }

    /** @return how much of {@code ms} the GEMM would take for {@code gflop} */
    private double share(double gflop, double ms) {
        return gflop / gemmGflops * 1e3 / ms;
    }

    /**
     * The engine's samplers and scorers, counting the forward FLOPs of the positions they read since the last
     * {@link #reset}: a sampled row reads its prompt and all but its last generated token, a scored sequence every
     * token.
     */
    private static final class CountingKernels implements Kernels {

        private double sampled;
        private double scored;
        private int longest;

        private final ModelConfig config;

        CountingKernels(ModelConfig config) {
            this.config = config;
        }

        void reset() {
            sampled = 0;
            scored = 0;
            longest = 0;
        }

        double sampled() {
            return sampled;
        }

        double scored() {
            return scored;
        }

        /** @return the longest prompt and response sampled since the reset: the training batch's rows, plus one */
        int longest() {
            return longest;
        }

        @Override
        public Sampler sampler(ModelConfig model, Parameters parameters) {
            Sampler inner = TRANSFORMER.sampler(model, parameters);
            return new Sampler() {
                @Override
                public int context() {
                    return inner.context();
                }

                @Override
                public List<Generation> sample(List<int[]> prompts, int samplesPerPrompt, SamplingConfig sampling,
                                               long seed) {
                    List<Generation> generations = inner.sample(prompts, samplesPerPrompt, sampling, seed);
                    for (Generation generation : generations) {
                        int length = prompts.get(generation.prompt()).length + generation.length();
                        sampled += config.forwardFlops(1, length - 1);
                        longest = Math.max(longest, length);
                    }
                    return generations;
                }
            };
        }

        @Override
        public SequenceScorer scorer(ModelConfig model, Parameters parameters) {
            SequenceScorer inner = TRANSFORMER.scorer(model, parameters);
            return sequences -> {
                for (int[] sequence : sequences) {
                    scored += config.forwardFlops(1, sequence.length);
                }
                return inner.logits(sequences);
            };
        }
    }
}
