package org.cpt4j.internal.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.bytedeco.javacpp.Pointer;
import org.cpt4j.bench.BenchReport;
import org.cpt4j.bench.BenchSettings;
import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.runtime.NativeRuntime;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.sampling.TransformerSampler;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.run.Arithmetic;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.text.Tokenizer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code cpt4j bench}: measures ND4J's GEMM and the policy's forward pass and training step on this machine in
 * one run, and reports the step's achieved GFLOP/s as a fraction of the GEMM's.
 */
public final class Benchmark {

    /** Sequences per training step for both sizes. */
    public static final int SEQUENCES = 32;
    /** Responses decoded together in the sampling measurement. */
    static final int SAMPLING_ROWS = 32;
    /** Prompt tokens per response in the sampling measurement; responses run to the context. */
    static final int SAMPLING_PROMPT_TOKENS = 8;

    private final BenchSettings settings;
    private final Consumer<String> progress;
    private final RlStepProbe.Components rlComponents;

    /** @param rlComponents the objectives, teacher, reward and domain of the on-policy step breakdown */
    public Benchmark(BenchSettings settings, RlStepProbe.Components rlComponents, Consumer<String> progress) {
        this.settings = settings;
        this.rlComponents = rlComponents;
        this.progress = progress;
    }

    public BenchReport run() {
        NativeRuntime.useThreads(settings.threads());
        GemmProbe gemm = new GemmProbe(new Timer(3, settings.minimumTimingSeconds(), 5));
        progress.accept("GEMM 1024³");
        double gemm1024 = gemm.gflops(1024, 1024, 1024);
        BenchReport.ModelResult reference = measure("reference", settings.reference(), settings.referenceSteps(), gemm, gemm1024);
        BenchReport.ModelResult large = measure("large", settings.large(), settings.largeSteps(), gemm, gemm1024);
        BenchReport.Sampling sampling = sampling(settings.reference());
        List<BenchReport.RlStep> rl = new ArrayList<>();
        for (ModelConfig model : settings.rlModels()) {
            RlStepProbe probe = new RlStepProbe(model, settings.warmupSteps(), settings.rlSteps(), rlComponents,
                    gemm1024, progress);
            rlComponents.objectives().stream().map(probe::measure).forEach(rl::add);
        }
        BenchReport.Machine machine = new BenchReport.Machine(NativeRuntime.backend(),
                Arithmetic.blasCoreOfThisProcess(), settings.threads(),
                Runtime.getRuntime().availableProcessors(), Runtime.version().toString(),
                Nd4j.class.getPackage().getImplementationVersion() == null ? "1.0.0-M2.1"
                        : Nd4j.class.getPackage().getImplementationVersion());
        return new BenchReport(BenchReport.FORMAT, BenchReport.VERSION, machine, gemm1024, reference, large, sampling, rl);
    }

    private BenchReport.ModelResult measure(String name, ModelConfig config, int steps, GemmProbe gemm, double gemm1024) {
        long rows = (long) SEQUENCES * config.context();
        long d = config.width();
        long hidden = (long) ModelConfig.MLP_RATIO * d;
        progress.accept(name + ": GEMM at the model's shapes");
        Map<String, Double> shapes = new LinkedHashMap<>();
        shapes.put(shape(rows, d, 3 * d), gemm.gflops(rows, d, 3 * d));
        shapes.put(shape(rows, d, d), gemm.gflops(rows, d, d));
        shapes.put(shape(rows, d, hidden), gemm.gflops(rows, d, hidden));
        shapes.put(shape(rows, hidden, d), gemm.gflops(rows, hidden, d));
        shapes.put(shape(rows, d, config.vocabulary()), gemm.gflops(rows, d, config.vocabulary()));
        double modelGemm = flopWeightedSpeed(rows, d, hidden, config.vocabulary(), shapes);

        TransformerPolicy policy = TransformerPolicy.create(config, OptimizerConfig.of(o -> o.learningRate(1e-4)), 7);
        SequenceBatch batch = randomBatch(config, new SplittableRandom(11));
        progress.accept(name + ": forward pass");
        double forwardSeconds = new Timer(settings.warmupSteps(), settings.minimumTimingSeconds(), 5)
                .medianSeconds(() -> policy.loss(batch));

        progress.accept(name + ": " + settings.warmupSteps() + " warm-up training steps");
        for (int i = 0; i < settings.warmupSteps(); i++) {
            policy.train(batch);
        }
        long heapBefore = usedHeapAfterGc();
        long residentBefore = Pointer.physicalBytes();
        long committedBefore = Runtime.getRuntime().totalMemory();
        double[] stepSeconds = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            policy.train(batch);
            stepSeconds[i] = (System.nanoTime() - start) / 1e9;
            if ((i + 1) % Math.max(1, steps / 10) == 0) {
                progress.accept(String.format("%s: step %d/%d, median %.1f ms", name, i + 1, steps,
                        1e3 * Timer.median(java.util.Arrays.copyOf(stepSeconds, i + 1))));
            }
        }
        long heapAfter = usedHeapAfterGc();
        long residentAfter = Pointer.physicalBytes();
        long committedAfter = Runtime.getRuntime().totalMemory();
        double median = Timer.median(stepSeconds);
        double trainFlops = 3 * config.forwardFlops(SEQUENCES, config.context());
        double achieved = trainFlops / median / 1e9;
        return new BenchReport.ModelResult(config.layers(), config.width(), config.heads(), config.context(),
                config.vocabulary(), SEQUENCES, config.parameterCount(), shapes, 1e3 * forwardSeconds, 1e3 * median,
                1e3 * Timer.percentile(stepSeconds, 0.1), 1e3 * Timer.percentile(stepSeconds, 0.9), achieved,
                achieved / gemm1024, achieved / modelGemm, batch.maskedTokens() / median, steps,
                new BenchReport.Memory(heapBefore, heapAfter, residentBefore - committedBefore,
                        residentAfter - committedAfter, residentBefore, residentAfter));
    }

    /** Generated tokens per second with and without the key/value cache, same prompts, seed and tokens. */
    private BenchReport.Sampling sampling(ModelConfig config) {
        TransformerPolicy policy = TransformerPolicy.create(config, OptimizerConfig.of(o -> o.learningRate(1e-4)), 7);
        SplittableRandom random = new SplittableRandom(13);
        List<int[]> prompts = new ArrayList<>();
        for (int p = 0; p < SAMPLING_ROWS; p++) {
            prompts.add(random.ints(SAMPLING_PROMPT_TOKENS, Tokenizer.SEPARATOR + 1, config.vocabulary()).toArray());
        }
        SamplingConfig sampling = SamplingConfig.of(s -> s.maxNewTokens(config.context()));
        double[] tokensPerSecond = new double[2];
        long generated = 0;
        for (TransformerSampler.Mode mode : TransformerSampler.Mode.values()) {
            progress.accept("sampling: " + SAMPLING_ROWS + " responses to context " + config.context() + ", "
                    + mode.name().toLowerCase(java.util.Locale.ROOT));
            Sampler sampler = new TransformerSampler(config, policy.parameters(), mode, SAMPLING_ROWS);
            long[] tokens = new long[1];
            double seconds = new Timer(1, settings.minimumTimingSeconds(), 3).medianSeconds(() ->
                    tokens[0] = sampler.sample(prompts, 1, sampling, 5).stream().mapToLong(Generation::length).sum());
            tokensPerSecond[mode.ordinal()] = tokens[0] / seconds;
            generated = tokens[0];
        }
        double cached = tokensPerSecond[TransformerSampler.Mode.CACHED.ordinal()];
        double recomputed = tokensPerSecond[TransformerSampler.Mode.RECOMPUTE.ordinal()];
        return new BenchReport.Sampling(SAMPLING_ROWS, SAMPLING_PROMPT_TOKENS, generated, cached, recomputed,
                cached / recomputed);
    }

    private static String shape(long m, long k, long n) {
        return m + "x" + k + "x" + n;
    }

    /** Harmonic mean of the GEMM speeds weighted by how many FLOPs a forward pass spends at each shape. */
    private static double flopWeightedSpeed(long rows, long d, long hidden, long vocabulary, Map<String, Double> speeds) {
        double[] flops = {rows * d * 3 * d, rows * d * d, rows * d * hidden, rows * hidden * d, rows * d * vocabulary};
        double seconds = 0;
        double total = 0;
        int i = 0;
        for (double speed : speeds.values()) {
            seconds += flops[i] / speed;
            total += flops[i];
            i++;
        }
        return total / seconds;
    }

    static SequenceBatch randomBatch(ModelConfig config, SplittableRandom random) {
        int[][] sequences = new int[SEQUENCES][config.context() + 1];
        for (int[] sequence : sequences) {
            for (int t = 0; t < sequence.length; t++) {
                sequence[t] = random.nextInt(config.vocabulary());
            }
        }
        return SequenceBatch.nextToken(sequences, 0);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
