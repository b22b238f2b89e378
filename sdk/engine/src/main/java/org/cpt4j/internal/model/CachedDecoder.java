package org.cpt4j.internal.model;

import org.cpt4j.model.ModelConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LayerNorm;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.strict.GELU;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The {@link Decoder} in plain ND4J ops: the transformer's forward pass over a {@link Parameters} set, with a
 * key/value cache.
 *
 * <p>A SameDiff call per generated token would pay the graph's fixed cost at every token (DESIGN.md §7), so
 * this path runs the same arrays through the same op kernels as {@link TransformerGraph} (layer_norm, gelu,
 * softmax, matmul; the query scaled before the product) and agrees with it to float32 rounding (tests pin
 * 1e-4 on log-probabilities). Keys and values of every past position are kept per layer,
 * {@code [B, H, context, d_h]}, so a new token costs one row of each projection and one attention row.
 *
 * <p>Not thread-safe; one decoder serves one batch at a time. The parameters are read live, so a decoder
 * built over a policy's parameters samples from its current weights.
 */
public final class CachedDecoder implements Decoder {

    private final ModelConfig config;
    private final Parameters parameters;
    private final double scale;
    private INDArray[] keys = new INDArray[0];
    private INDArray[] values = new INDArray[0];
    private int rows;
    private int position;

    public CachedDecoder(ModelConfig config, Parameters parameters) {
        this.config = config;
        this.parameters = parameters;
        this.scale = 1.0 / Math.sqrt(config.headWidth());
    }

    @Override
    public int position() {
        return position;
    }

    @Override
    public float[][] prefill(int[][] prompts) {
        int length = prompts[0].length;
        INDArray x = readAll(prompts);
        INDArray last = x.reshape(rows, length, config.width())
                .get(NDArrayIndex.all(), NDArrayIndex.point(length - 1), NDArrayIndex.all());
        return floats(head(last.dup()));
    }

    @Override
    public float[][] logitsAtEveryPosition(int[][] sequences) {
        return floats(head(readAll(sequences)));
    }

    private static float[][] floats(INDArray logits) {
        return logits.castTo(DataType.FLOAT).toFloatMatrix();
    }

    /** Runs the blocks over whole sequences, filling the cache; returns the residual stream {@code [B·L, d]}. */
    private INDArray readAll(int[][] prompts) {
        int[] flat = DecoderInputs.flatten(prompts, config.context());
        int length = prompts[0].length;
        rows = prompts.length;
        allocateCache(rows);
        INDArray x = embed(flat, length, 0);
        INDArray causal = TransformerGraph.causalMask(length, x.dataType());
        for (int layer = 0; layer < config.layers(); layer++) {
            INDArray[] qkv = projectQkv(x, layer, length);
            INDArrayIndex[] upTo = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, length), NDArrayIndex.all()};
            keys[layer].put(upTo, qkv[1]);
            values[layer].put(upTo, qkv[2]);
            INDArray scores = Nd4j.matmul(qkv[0], qkv[1], false, true, false).addi(causal);
            x = attendAndMix(x, scores, qkv[2], layer);
        }
        position = length;
        return x;
    }

    @Override
    public float[][] next(int[] tokens) {
        DecoderInputs.checkNext(tokens, rows, position, config.context());
        INDArray x = embed(tokens, 1, position);
        for (int layer = 0; layer < config.layers(); layer++) {
            INDArray[] qkv = projectQkv(x, layer, 1);
            INDArrayIndex[] at = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(position, position + 1),
                    NDArrayIndex.all()};
            keys[layer].put(at, qkv[1]);
            values[layer].put(at, qkv[2]);
            INDArrayIndex[] upTo = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, position + 1),
                    NDArrayIndex.all()};
            INDArray pastValues = values[layer].get(upTo);
            INDArray scores = Nd4j.matmul(qkv[0], keys[layer].get(upTo), false, true, false);
            x = attendAndMix(x, scores, pastValues, layer);
        }
        position++;
        return floats(head(x));
    }

    private void allocateCache(int batch) {
        DataType type = parameters.dataType();
        long[] shape = {batch, config.heads(), config.context(), config.headWidth()};
        if (keys.length != config.layers() || keys[0].size(0) != batch) {
            keys = new INDArray[config.layers()];
            values = new INDArray[config.layers()];
            for (int layer = 0; layer < config.layers(); layer++) {
                keys[layer] = Nd4j.zeros(type, shape);
                values[layer] = Nd4j.zeros(type, shape);
            }
        }
    }

    /** @return {@code [rows·length, d]}: token rows plus the position rows from {@code start} */
    private INDArray embed(int[] tokens, int length, int start) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= config.vocabulary()) {
                throw new IllegalArgumentException("token " + tokens[i] + " is outside the vocabulary [0, "
                        + config.vocabulary() + ")");
            }
        }
        INDArray tokenRows = parameters.get(TransformerLayout.TOKEN_EMBEDDING).getRows(tokens);
        INDArray positionRows = parameters.get(TransformerLayout.POSITION_EMBEDDING)
                .get(NDArrayIndex.interval(start, start + length), NDArrayIndex.all());
        return tokenRows.reshape(rows, length, config.width()).addi(positionRows).reshape(rows * length, config.width());
    }

    /** @return query (scaled), key and value, each {@code [B, H, length, d_h]} */
    private INDArray[] projectQkv(INDArray x, int layer, int length) {
        INDArray h = norm(x, layer, "attention_norm");
        INDArray qkv = h.mmul(param(layer, "attention/qkv_weight")).addiRowVector(param(layer, "attention/qkv_bias"));
        INDArray split = qkv.reshape(rows, length, 3, config.heads(), config.headWidth()).permute(2, 0, 3, 1, 4);
        INDArray query = split.get(NDArrayIndex.point(0)).mul(scale);
        INDArray key = split.get(NDArrayIndex.point(1)).dup('c');
        INDArray value = split.get(NDArrayIndex.point(2)).dup('c');
        return new INDArray[] {query, key, value};
    }

    /** Softmax over keys, mix the values, project, add to the residual stream, then the MLP block. */
    private INDArray attendAndMix(INDArray x, INDArray scores, INDArray pastValues, int layer) {
        INDArray weights = Nd4j.exec(new SoftMax(scores, scores.ulike(), 3))[0];
        INDArray mixed = Nd4j.matmul(weights, pastValues);
        INDArray merged = mixed.permute(0, 2, 1, 3).dup('c').reshape(x.rows(), config.width());
        INDArray attended = x.add(merged.mmul(param(layer, "attention/out_weight"))
                .addiRowVector(param(layer, "attention/out_bias")));
        INDArray m = norm(attended, layer, "mlp_norm");
        INDArray up = m.mmul(param(layer, "mlp/up_weight")).addiRowVector(param(layer, "mlp/up_bias"));
        INDArray activated = Nd4j.exec(new GELU(up, up.ulike()));
        return attended.addi(activated.mmul(param(layer, "mlp/down_weight")).addiRowVector(param(layer, "mlp/down_bias")));
    }

    private INDArray head(INDArray x) {
        INDArray last = layerNorm(x, parameters.get(TransformerLayout.FINAL_NORM_GAIN),
                parameters.get(TransformerLayout.FINAL_NORM_BIAS));
        return config.tiedEmbeddings()
                ? last.mmul(parameters.get(TransformerLayout.TOKEN_EMBEDDING).transpose())
                : last.mmul(parameters.get(TransformerLayout.HEAD));
    }

    private INDArray norm(INDArray x, int layer, String which) {
        return layerNorm(x, param(layer, which + "/gain"), param(layer, which + "/bias"));
    }

    private static INDArray layerNorm(INDArray x, INDArray gain, INDArray bias) {
        return Nd4j.exec(new LayerNorm(x, gain, bias, x.ulike(), false, 1))[0];
    }

    private INDArray param(int layer, String part) {
        return parameters.get(TransformerLayout.block(layer, part));
    }
}
