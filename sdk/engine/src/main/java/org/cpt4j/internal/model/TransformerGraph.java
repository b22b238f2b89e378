package org.cpt4j.internal.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.objective.LossTerms;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.SameDiffLossGraph;
import org.cpt4j.model.ModelConfig;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff graph of the transformer for one sequence length, reading the live arrays of a
 * {@link Parameters} set (several graphs, one per length bucket, share the same arrays).
 *
 * <p>Layout chosen for speed (docs/performance.md): the residual stream is a 2-D {@code [B·L, d]} matrix so
 * every projection is one GEMM; Q, K and V come from one fused {@code [d, 3d]} projection; attention runs as
 * batched matmuls over {@code [B, H, L, d_h]}; LayerNorm is written out ({@link #layerNorm}).
 * Log-softmax is written by hand: {@code sd.nn.logSoftmax} breaks gradients in 1.0.0-M2.1
 * (docs/samediff-notes.md).
 *
 * <p>The loss is an {@link Objective}'s, declared on a {@link SameDiffLossGraph} over the logits (one graph per
 * length and objective). Placeholders: {@link #TOKENS} int32 {@code [B·L]}, and those of the context (targets,
 * mask, the objective's inputs). Outputs: {@link #LOGITS} {@code [B·L, V]}, {@link #TOKEN_LOG_PROBS} and
 * {@link #ENTROPY} {@code [B·L]}, {@link #LOSS} scalar, and the objective's diagnostics.
 */
final class TransformerGraph {

    static final String TOKENS = "tokens";
    static final String LOGITS = "logits";
    static final String TOKEN_LOG_PROBS = "token_log_probs";
    static final String ENTROPY = "entropy";
    static final String LOSS = SameDiffLossGraph.LOSS;

    /** Added to attention scores above the diagonal; exp of it underflows to exactly 0 in float32. */
    private static final double MASKED_SCORE = -1e9;

    private final SameDiff sd;
    private final int length;
    private final List<String> parameterNames;
    private final SameDiffLossGraph context;
    private final Map<String, String> diagnostics;

    private TransformerGraph(SameDiff sd, int length, List<String> parameterNames, SameDiffLossGraph context,
                             Map<String, String> diagnostics) {
        this.sd = sd;
        this.length = length;
        this.parameterNames = parameterNames;
        this.context = context;
        this.diagnostics = diagnostics;
    }

    /** @return the loss context, which turns a batch into placeholder values */
    SameDiffLossGraph context() {
        return context;
    }

    /** @return graph variable names of the objective's diagnostics, by metric name */
    Map<String, String> diagnostics() {
        return diagnostics;
    }

    SameDiff sameDiff() {
        return sd;
    }

    int length() {
        return length;
    }

    List<String> parameterNames() {
        return parameterNames;
    }

    static TransformerGraph build(ModelConfig config, Parameters parameters, int length, Objective objective) {
        if (length < 1 || length > config.context()) {
            throw new IllegalArgumentException("sequence length must be within [1, " + config.context() + "], was " + length);
        }
        DataType type = parameters.dataType();
        SameDiff sd = SameDiff.create();
        for (String name : parameters.names()) {
            sd.var(name, parameters.get(name));
        }
        int d = config.width();
        int heads = config.heads();
        int headWidth = config.headWidth();
        int vocabulary = config.vocabulary();

        SDVariable tokens = sd.placeHolder(TOKENS, DataType.INT, -1);

        // Embedding lookups as one-hot GEMMs: gather's gradient is a while loop in M2.1 and two gathers in one
        // graph fail to differentiate (docs/samediff-notes.md).
        SDVariable tokenEmbedding = sd.getVariable(TransformerLayout.TOKEN_EMBEDDING);
        SDVariable tokenRows = sd.oneHot(tokens, vocabulary, -1, 1.0, 0.0, type).mmul(tokenEmbedding);
        SDVariable positionSelector = sd.constant("position_selector", positionSelector(length, config.context(), type));
        SDVariable positionRows = positionSelector.mmul(sd.getVariable(TransformerLayout.POSITION_EMBEDDING));
        SDVariable x = sd.reshape(sd.reshape(tokenRows, -1, length, d).add(positionRows), -1, d);

        Spread spread = new Spread(sd, tokens, d, type);
        SDVariable causalMask = sd.constant("causal_mask", causalMask(length, type));
        double scale = 1.0 / Math.sqrt(headWidth);
        for (int layer = 0; layer < config.layers(); layer++) {
            SDVariable h = norm(sd, spread, x, layer, "attention_norm");
            SDVariable qkv = h.mmul(param(sd, layer, "attention/qkv_weight")).add(param(sd, layer, "attention/qkv_bias"));
            SDVariable split = sd.permute(sd.reshape(qkv, -1, length, 3, heads, headWidth), 2, 0, 3, 1, 4);
            SDVariable[] qkvParts = sd.unstack(split, 0, 3);
            SDVariable query = qkvParts[0].mul(scale);
            SDVariable scores = sd.mmul(query, qkvParts[1], false, true, false).add(causalMask);
            SDVariable weights = sd.nn.softmax(scores, 3);
            SDVariable mixed = sd.mmul(weights, qkvParts[2]);
            SDVariable merged = sd.reshape(sd.permute(mixed, 0, 2, 1, 3), -1, d);
            x = x.add(merged.mmul(param(sd, layer, "attention/out_weight")).add(param(sd, layer, "attention/out_bias")));

            SDVariable m = norm(sd, spread, x, layer, "mlp_norm");
            SDVariable up = sd.nn.gelu(m.mmul(param(sd, layer, "mlp/up_weight")).add(param(sd, layer, "mlp/up_bias")));
            x = x.add(up.mmul(param(sd, layer, "mlp/down_weight")).add(param(sd, layer, "mlp/down_bias")));
        }
        SDVariable last = layerNorm(sd, spread, x, sd.getVariable(TransformerLayout.FINAL_NORM_GAIN),
                sd.getVariable(TransformerLayout.FINAL_NORM_BIAS));
        SDVariable logits = config.tiedEmbeddings()
                ? sd.mmul(LOGITS, last, tokenEmbedding, false, true, false)
                : sd.mmul(LOGITS, last, sd.getVariable(TransformerLayout.HEAD), false, false, false);

        SameDiffLossGraph context = new SameDiffLossGraph(sd, logits, length, vocabulary, type);
        sd.reshape(context.tokenLogProbs(), -1).rename(TOKEN_LOG_PROBS);
        sd.reshape(context.entropy(), -1).rename(ENTROPY);
        LossTerms<SDVariable> terms = context.define(objective);
        Map<String, String> diagnostics = new LinkedHashMap<>();
        terms.diagnostics().forEach((metric, variable) -> diagnostics.put(metric, variable.name()));
        return new TransformerGraph(sd, length, parameters.names(), context, Map.copyOf(diagnostics));
    }

    private static SDVariable norm(SameDiff sd, Spread spread, SDVariable x, int layer, String which) {
        return layerNorm(sd, spread, x, param(sd, layer, which + "/gain"), param(sd, layer, which + "/bias"));
    }

    /**
     * LayerNorm of each row of {@code x [N, d]}: population variance, no epsilon, as ND4J's {@code layer_norm} and
     * {@link JavaDecoder} compute it. Written out because ND4J's gradients of {@code layer_norm}, and of any
     * multiply that broadcasts one operand, reduce over the broadcast axis slowly (6 ms for one {@code layer_norm_bp}
     * at {@code [2048, 64]}, docs/performance.md): here the per-row scale and the gain are spread to full matrices by
     * products with ones, whose gradients are GEMMs, and only same-shape multiplies and row sums remain.
     */
    private static SDVariable layerNorm(SameDiff sd, Spread spread, SDVariable x, SDVariable gain, SDVariable bias) {
        double perEntry = 1.0 / spread.width();
        SDVariable centred = x.sub(sd.sum(x, true, 1).mul(perEntry));
        SDVariable scale = sd.math.rsqrt(sd.sum(centred.mul(centred), true, 1).mul(perEntry));
        return centred.mul(spread.acrossRow(scale)).mul(spread.downColumns(gain)).add(bias);
    }

    /** Products with ones that copy a per-row column {@code [N, 1]} or a per-column vector {@code [d]} to {@code [N, d]}. */
    private static final class Spread {

        private final SameDiff sd;
        private final SDVariable onesColumn;
        private final SDVariable onesRow;
        private final int width;

        /** @param rows a placeholder with one entry per row of the matrices to fill */
        Spread(SameDiff sd, SDVariable rows, int width, DataType type) {
            this.sd = sd;
            this.onesColumn = sd.fill(sd.shape(sd.reshape(rows, -1, 1)), type, 1.0);
            this.onesRow = sd.constant("ones_row", Nd4j.ones(type, 1, width));
            this.width = width;
        }

        int width() {
            return width;
        }

        SDVariable acrossRow(SDVariable column) {
            return column.mmul(onesRow);
        }

        SDVariable downColumns(SDVariable vector) {
            return onesColumn.mmul(sd.reshape(vector, 1, width));
        }
    }

    private static SDVariable param(SameDiff sd, int layer, String part) {
        return sd.getVariable(TransformerLayout.block(layer, part));
    }

    /** {@code [L, context]}: row {@code t} is the one-hot vector of position {@code t}. */
    static INDArray positionSelector(int length, int context, DataType type) {
        double[] values = new double[length * context];
        for (int t = 0; t < length; t++) {
            values[t * context + t] = 1.0;
        }
        return Nd4j.create(values, new long[] {length, context}, 'c').castTo(type);
    }

    /** {@code [L, L]}: 0 where key position ≤ query position, {@link #MASKED_SCORE} above the diagonal. */
    static INDArray causalMask(int length, DataType type) {
        double[] values = new double[length * length];
        for (int query = 0; query < length; query++) {
            for (int key = query + 1; key < length; key++) {
                values[query * length + key] = MASKED_SCORE;
            }
        }
        return Nd4j.create(values, new long[] {length, length}, 'c').castTo(type);
    }
}
