package org.cpt4j.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code cpt4j bench} run measured on this machine. Ratios compare numbers of the same run.
 *
 * @param format file-format name, {@code cpt4j-bench}
 * @param version format version
 * @param machine what ran it: backend, threads, cores, JVM
 * @param gemm1024Gflops ND4J float32 GEMM GFLOP/s at 1024³
 * @param reference the reference model's results (2 layers, width 128)
 * @param large the large model's results (4 layers, width 256)
 * @param sampling sampling speed of the reference model with and without the key/value cache
 * @param rl the on-policy step's breakdown per objective
 */
public record BenchReport(String format, int version, Machine machine, double gemm1024Gflops, ModelResult reference,
                          ModelResult large, Sampling sampling, List<RlStep> rl) {

    public static final String FORMAT = "cpt4j-bench";
    public static final int VERSION = 5;

    /**
     * Median time of each phase of one on-policy step of one model shape on {@code add}: 8 tasks x 8 samples of at
     * most 16 tokens.
     *
     * @param model the shape, layers x width x heads (e.g. {@code 2x64x4})
     * @param objective objective id
     * @param samplingMs sampling the rollouts
     * @param scoringMs rewards, reference and teacher scoring, the objective's preparation
     * @param trainingMs the optimizer step
     * @param totalMs the whole step
     * @param steps timed steps
     * @param gflop counted arithmetic per step, mean over the timed steps: the forward FLOPs
     *     ({@link org.cpt4j.model.ModelConfig#forwardFlops}) of every position sampled (prompt and response) and
     *     scored, and for training three times those of the batch (forward and backward), without padding
     * @param arithmeticShare each phase's counted FLOPs at the run's 1024³ GEMM speed, as a fraction of its median
     *     time: the rest of the phase is fixed cost (op launches, memory, Java), which does not shrink with the model
     */
    public record RlStep(String model, String objective, double samplingMs, double scoringMs, double trainingMs, double totalMs,
                         int steps, Phases gflop, Phases arithmeticShare) {
    }

    /**
     * One number per phase of an on-policy step.
     *
     * @param sampling sampling the rollouts
     * @param scoring rewards, reference and teacher scoring, the objective's preparation
     * @param training the optimizer step
     * @param total the whole step
     */
    public record Phases(double sampling, double scoring, double training, double total) {
    }

    /**
     * The machine and settings of the run.
     *
     * @param blasKernels the OpenBLAS kernels asked for ({@code OPENBLAS_CORETYPE}, or {@code auto})
     */
    public record Machine(String backend, String blasKernels, int threads, int cores, String java, String nd4j) {
    }

    /**
     * One model size.
     *
     * @param layers transformer blocks
     * @param width model width
     * @param heads attention heads
     * @param context sequence length of the batch
     * @param vocabulary vocabulary size
     * @param sequences sequences per step
     * @param parameters trainable scalars
     * @param gemmAtModelShapesGflops ND4J GEMM GFLOP/s at each of the model's projection shapes
     * @param forwardMs median forward pass (loss only) in ms
     * @param trainStepMs median training step (forward, backward, clip, AdamW) in ms
     * @param trainStepP10Ms 10th percentile of the step time
     * @param trainStepP90Ms 90th percentile of the step time
     * @param trainGflops achieved GFLOP/s: 3 × counted forward FLOPs / median step time
     * @param trainVsGemm {@code trainGflops / gemm1024Gflops}
     * @param trainVsModelGemm {@code trainGflops} / FLOP-weighted GEMM speed at the model's own shapes
     * @param tokensPerSecond trained tokens per second at the median step time
     * @param timedSteps steps timed (after the warm-up)
     * @param memory heap and off-heap bytes before and after the timed steps
     */
    public record ModelResult(int layers, int width, int heads, int context, int vocabulary, int sequences,
                              long parameters, Map<String, Double> gemmAtModelShapesGflops, double forwardMs,
                              double trainStepMs, double trainStepP10Ms, double trainStepP90Ms, double trainGflops,
                              double trainVsGemm, double trainVsModelGemm, double tokensPerSecond, int timedSteps,
                              Memory memory) {
    }

    /**
     * Sampling: {@code rows} responses decoded together from prompts of {@code promptTokens} tokens up to the
     * context, temperature 1, the same tokens in both modes.
     *
     * @param rows responses decoded together
     * @param promptTokens tokens per prompt
     * @param generatedTokens tokens generated per call, over all rows
     * @param cachedTokensPerSecond generated tokens per second with the key/value cache
     * @param recomputeTokensPerSecond generated tokens per second recomputing the whole prefix per token
     * @param cacheSpeedup {@code cachedTokensPerSecond / recomputeTokensPerSecond}
     */
    public record Sampling(int rows, int promptTokens, long generatedTokens, double cachedTokensPerSecond,
                           double recomputeTokensPerSecond, double cacheSpeedup) {
    }

    /**
     * Memory around the timed steps, each reading taken after a full GC. ND4J's native buffers are not tracked by
     * JavaCPP in 1.0.0-M2.1, so off-heap bytes are the resident set size less the committed heap (native buffers,
     * metaspace, code cache, thread stacks).
     *
     * @param heapBeforeBytes used heap before the timed steps
     * @param heapAfterBytes used heap after them
     * @param offHeapBeforeBytes resident set size minus committed heap, before
     * @param offHeapAfterBytes the same, after
     * @param residentBeforeBytes resident set size of the process, before
     * @param residentAfterBytes the same, after
     */
    public record Memory(long heapBeforeBytes, long heapAfterBytes, long offHeapBeforeBytes, long offHeapAfterBytes,
                         long residentBeforeBytes, long residentAfterBytes) {
    }
}
