package org.cpt4j.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.internal.runtime.NativeMemoryReclaimer;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The decoder-only transformer policy (see {@link ModelConfig}) with its AdamW optimizer.
 *
 * <p>Sequences are padded up to a length bucket (a multiple of {@link #BUCKET}, at most the context) and each
 * bucket has its own SameDiff graph over the same parameter arrays, so a short batch does not pay for the full
 * context and no graph is rebuilt per call. Padding sits after the real tokens, which a causal model never
 * reads.
 */
public final class TransformerPolicy {

    /** Sequence lengths are rounded up to a multiple of this. */
    static final int BUCKET = 8;

    private final ModelConfig model;
    private OptimizerConfig optimizer;
    private final TransformerLayout layout;
    private final Parameters parameters;
    private final AdamW adam;
    private final Map<GraphKey, TransformerGraph> graphs = new HashMap<>();
    private final NativeMemoryReclaimer reclaimer = new NativeMemoryReclaimer(NativeMemoryReclaimer.DEFAULT_EVERY_STEPS);

    private TransformerPolicy(ModelConfig model, OptimizerConfig optimizer, TransformerLayout layout,
                              Parameters parameters, AdamW adam) {
        this.model = model;
        this.optimizer = optimizer;
        this.layout = layout;
        this.parameters = parameters;
        this.adam = adam;
    }

    /** @return a float32 policy with parameters initialised from {@code seed} */
    public static TransformerPolicy create(ModelConfig model, OptimizerConfig optimizer, long seed) {
        return create(model, optimizer, seed, DataType.FLOAT);
    }

    /** @return a policy of the given floating-point type (double precision is for gradient checks) */
    public static TransformerPolicy create(ModelConfig model, OptimizerConfig optimizer, long seed, DataType dataType) {
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("parameters need a floating-point type, was " + dataType);
        }
        TransformerLayout layout = new TransformerLayout(model);
        Parameters parameters = layout.initialize(seed, dataType);
        AdamW adam = new AdamW(optimizer, layout, layout.zeros(dataType), layout.zeros(dataType), 0);
        return new TransformerPolicy(model, optimizer, layout, parameters, adam);
    }

    /** @return a policy holding a copy of {@code state} */
    public static TransformerPolicy fromState(PolicyState state) {
        TransformerLayout layout = new TransformerLayout(state.model());
        DataType type = state.parameters().dataType();
        Parameters parameters = layout.zeros(type);
        parameters.assign(state.parameters());
        AdamW adam = new AdamW(state.optimizer(), layout, layout.zeros(type), layout.zeros(type), 0);
        adam.restore(state.firstMoment(), state.secondMoment(), state.step());
        return new TransformerPolicy(state.model(), state.optimizer(), layout, parameters, adam);
    }

    /**
     * @return a policy with a copy of {@code base}'s parameters and a fresh {@code optimizer} (zero moments, step
     *     0): the start of post-training from a pretrained base
     */
    public static TransformerPolicy startingFrom(TransformerPolicy base, OptimizerConfig optimizer) {
        TransformerLayout layout = new TransformerLayout(base.model);
        DataType type = base.parameters.dataType();
        Parameters parameters = base.parameters.copy();
        AdamW adam = new AdamW(optimizer, layout, layout.zeros(type), layout.zeros(type), 0);
        return new TransformerPolicy(base.model, optimizer, layout, parameters, adam);
    }

    public ModelConfig model() {
        return model;
    }

    public OptimizerConfig optimizer() {
        return optimizer;
    }

    /** @return the live parameters (updated in place by {@link #train}) */
    public Parameters parameters() {
        return parameters;
    }

    /** @return number of updates applied so far (skipped steps do not count) */
    public long step() {
        return adam.step();
    }

    /** @return an exact, detached copy of parameters, optimizer moments and step */
    public PolicyState state() {
        return new PolicyState(model, optimizer, adam.step(), parameters.copy(), adam.firstMoment().copy(),
                adam.secondMoment().copy());
    }

    /**
     * Overwrites parameters, moments, step and optimizer settings with {@code state}, which must have this policy's
     * layout.
     */
    public void restore(PolicyState state) {
        if (!state.model().equals(model)) {
            throw new IllegalArgumentException("state is for model " + state.model() + ", this policy is " + model);
        }
        parameters.assign(state.parameters());
        adam.restore(state.firstMoment(), state.secondMoment(), state.step());
        reconfigure(state.optimizer());
    }

    /** Goes on with {@code value}'s optimizer settings, keeping parameters, moments and step. */
    public void reconfigure(OptimizerConfig value) {
        optimizer = value;
        adam.reconfigure(value);
    }

    /** @return logits {@code [B, L, V]} for token rows {@code [B][L]} of equal length */
    public INDArray logits(int[][] tokens) {
        int length = tokens[0].length;
        Feed feed = feed(NextTokenLoss.INSTANCE, tokens, nextTokenBatch(new SequenceBatch(tokens,
                new int[tokens.length][length], new float[tokens.length][length])));
        INDArray flat = feed.graph.sameDiff().outputSingle(feed.placeholders(), TransformerGraph.LOGITS);
        INDArray full = flat.reshape(tokens.length, feed.graph.length(), model.vocabulary());
        return full.get(NDArrayIndex.all(), NDArrayIndex.interval(0, length), NDArrayIndex.all()).dup();
    }

    /** @return log-probabilities of the batch's targets and the predictive entropy at each position */
    public TokenScores score(SequenceBatch batch) {
        Feed feed = feed(NextTokenLoss.INSTANCE, batch.inputs(), nextTokenBatch(batch));
        Map<String, INDArray> out = feed.graph.sameDiff().output(feed.placeholders(),
                TransformerGraph.TOKEN_LOG_PROBS, TransformerGraph.ENTROPY);
        return new TokenScores(
                rows(out.get(TransformerGraph.TOKEN_LOG_PROBS), batch.size(), feed.graph.length(), batch.length()),
                rows(out.get(TransformerGraph.ENTROPY), batch.size(), feed.graph.length(), batch.length()));
    }

    /** @return the masked token-mean negative log-likelihood of the batch's targets, without updating */
    public double loss(SequenceBatch batch) {
        return loss(NextTokenLoss.INSTANCE, batch.inputs(), nextTokenBatch(batch));
    }

    /** @return {@code objective}'s loss on the batch, without updating */
    public double loss(Objective objective, int[][] inputs, ObjectiveBatch batch) {
        Feed feed = feed(objective, inputs, batch);
        return feed.graph.sameDiff().outputSingle(feed.placeholders(), TransformerGraph.LOSS).getDouble(0);
    }

    /**
     * One AdamW step on the masked token-mean negative log-likelihood of the batch's targets: forward,
     * backward, global-norm clipping, update. A non-finite gradient skips the update.
     */
    public TrainingStep train(SequenceBatch batch) {
        return train(NextTokenLoss.INSTANCE, batch.inputs(), nextTokenBatch(batch));
    }

    /**
     * One AdamW step on {@code objective}'s loss: the policy reads {@code inputs} {@code [B][L]} and the objective
     * the batch (targets, mask and its inputs, also {@code [B][L]}); forward, backward, global-norm clipping,
     * update. A non-finite gradient skips the update.
     */
    public TrainingStep train(Objective objective, int[][] inputs, ObjectiveBatch batch) {
        Feed feed = feed(objective, inputs, batch);
        long before = adam.step();
        List<String> outputs = new ArrayList<>(List.of(TransformerGraph.LOSS));
        outputs.addAll(feed.graph.diagnostics().values());
        OutAndGrad result = feed.graph.sameDiff().calculateGradientsAndOutputs(feed.placeholders(), outputs,
                feed.graph.parameterNames());
        double loss = result.getOutputs().get(TransformerGraph.LOSS).getDouble(0);
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        feed.graph.diagnostics().forEach((metric, name) -> diagnostics.put(metric,
                result.getOutputs().get(name).getDouble(0)));
        AdamW.Update update = adam.apply(parameters, result.getGradients());
        result.getGradients().values().forEach(INDArray::close);
        result.getOutputs().values().forEach(INDArray::close);
        reclaimer.afterStep();
        long tokens = 0;
        for (int b = 0; b < batch.rows(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                tokens += batch.mask(b, t) != 0 ? 1 : 0;
            }
        }
        return new TrainingStep(before, loss, update.gradientNorm(), update.learningRate(), update.skipped(), tokens,
                diagnostics);
    }

    /** @return gradients of the loss of {@code batch} by parameter name, without updating (for gradient checks) */
    Map<String, INDArray> gradients(SequenceBatch batch) {
        Feed feed = feed(NextTokenLoss.INSTANCE, batch.inputs(), nextTokenBatch(batch));
        return feed.graph.sameDiff().calculateGradients(feed.placeholders(), feed.graph.parameterNames());
    }

    /** @return the graph's bucketed length for sequences of {@code length} tokens */
    int bucketLength(int length) {
        if (length > model.context()) {
            throw new IllegalArgumentException("sequence of " + length + " tokens exceeds the model context of "
                    + model.context());
        }
        return Math.min(model.context(), (length + BUCKET - 1) / BUCKET * BUCKET);
    }

    TransformerLayout layout() {
        return layout;
    }

    private TransformerGraph graph(int length, Objective objective) {
        int bucket = bucketLength(length);
        return graphs.computeIfAbsent(new GraphKey(bucket, objective),
                key -> TransformerGraph.build(model, parameters, bucket, objective));
    }

    private static ObjectiveBatch nextTokenBatch(SequenceBatch batch) {
        double[][] mask = new double[batch.size()][batch.length()];
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                mask[b][t] = batch.mask()[b][t];
            }
        }
        return ObjectiveBatch.of(batch.targets(), mask, inputs -> { });
    }

    private Feed feed(Objective objective, int[][] inputs, ObjectiveBatch batch) {
        if (inputs.length != batch.rows() || inputs[0].length != batch.length()) {
            throw new IllegalArgumentException("inputs are [" + inputs.length + "][" + inputs[0].length
                    + "] but the objective batch is [" + batch.rows() + "][" + batch.length() + "]");
        }
        TransformerGraph graph = graph(batch.length(), objective);
        int length = graph.length();
        int[] tokens = new int[inputs.length * length];
        for (int b = 0; b < inputs.length; b++) {
            for (int t = 0; t < batch.length(); t++) {
                checkToken(inputs[b][t], "inputs", b, t);
                checkToken(batch.target(b, t), "targets", b, t);
                tokens[b * length + t] = inputs[b][t];
            }
        }
        Map<String, INDArray> placeholders = new HashMap<>(graph.context().feed(batch.padTo(length)));
        placeholders.put(TransformerGraph.TOKENS, Nd4j.createFromArray(tokens));
        return new Feed(graph, placeholders);
    }

    private void checkToken(int token, String where, int row, int position) {
        if (token < 0 || token >= model.vocabulary()) {
            throw new IllegalArgumentException(where + "[" + row + "][" + position + "] = " + token
                    + " is outside the vocabulary [0, " + model.vocabulary() + ")");
        }
    }

    private static float[][] rows(INDArray flat, int rows, int bucket, int length) {
        float[] values = flat.castTo(DataType.FLOAT).toFloatVector();
        float[][] out = new float[rows][length];
        for (int b = 0; b < rows; b++) {
            System.arraycopy(values, b * bucket, out[b], 0, length);
        }
        return out;
    }

    private record Feed(TransformerGraph graph, Map<String, INDArray> placeholders) {
    }

    private record GraphKey(int length, Objective objective) {
    }
}
