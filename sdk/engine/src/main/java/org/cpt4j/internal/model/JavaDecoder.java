package org.cpt4j.internal.model;

import org.cpt4j.model.ModelConfig;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@link Decoder} in plain Java loops over float arrays, for generation and scoring at
 * shapes where an ND4J op costs more to launch than to compute (a decoded token of the default base model is about
 * a hundred thousand multiply-adds per row, spread over some forty ops per layer).
 *
 * <p>The same function as {@link CachedDecoder} and {@link TransformerGraph}: LayerNorm with the population
 * variance and no epsilon, GELU as {@code x·σ(1.702·x)}, the query scaled before its product with the keys, masked
 * positions left out of the softmax (ND4J's mask makes their weight exactly 0). Products are summed in another
 * order than BLAS's, so logits agree with the graph's to float rounding (tests pin 1e-4 on log-probabilities); they
 * do not depend on the machine's BLAS kernels (Java's float arithmetic and {@link Math#fma} are IEEE's, and the
 * exponential is {@link VectorMath#exp}'s polynomial), only on the vector width the sums are accumulated in.
 *
 * <p>Each {@link #prefill} copies the parameters' current values (the parameters are live: a decoder built over a
 * policy's parameters samples from its weights at the time), and {@link #next} decodes from that copy. The loops
 * run in the Vector API's lanes ({@link VectorAffine} for the products, {@link VectorMath} for LayerNorm, GELU
 * and attention), so the JVM needs {@code --add-modules jdk.incubator.vector} ({@link Decoders} uses ND4J's
 * decoder otherwise). Not thread-safe.
 */
public final class JavaDecoder implements Decoder {

    private final ModelConfig config;
    private final Parameters parameters;
    private final int d;
    private final int heads;
    private final int headWidth;
    private final int hidden;
    private final int vocabulary;
    /** The head's columns: the vocabulary and zero columns up to whole vectors, so no product has a scalar tail. */
    private final int headColumns;
    private final float scale;
    /** The key cache's row length: the context rounded up to whole vectors ({@link VectorMath#scores}). */
    private final int keyStride;
    private @Nullable Weights weights;
    /** Per layer, the keys transposed: entry {@code i} of row {@code b}'s key at position {@code k} at {@code (b·d + i)·keyStride + k}. */
    private float[][] keys = new float[0][];
    /** Per layer, the values {@code [B, context, d]}. */
    private float[][] values = new float[0][];
    private int rows;
    private int position;

    /** A block's parameters, in the order {@link Weights#blocks} holds them per layer. */
    private static final String[] PARTS = {"attention_norm/gain", "attention_norm/bias", "attention/qkv_weight",
        "attention/qkv_bias", "attention/out_weight", "attention/out_bias", "mlp_norm/gain", "mlp_norm/bias",
        "mlp/up_weight", "mlp/up_bias", "mlp/down_weight", "mlp/down_bias"};
    private static final int ATTENTION_NORM = 0;
    private static final int QKV = 2;
    private static final int OUT = 4;
    private static final int MLP_NORM = 6;
    private static final int UP = 8;
    private static final int DOWN = 10;

    /**
     * A copy of the parameters' values, each matrix row-major; per layer and part ({@link #PARTS}) a block's, the
     * weight of a pair at its index and the bias or second array after it; the head as {@code [d, V]}, padded with
     * zero columns to {@link #headColumns}.
     */
    private record Weights(float[] token, float[] positions, float[][] blocks, float[] finalGain, float[] finalBias,
                           float[] head) {
    }

    /**
     * @throws IllegalArgumentException when the parameters are not float32 (the loops are float arithmetic)
     * @throws IllegalStateException when the JVM has no Vector API
     */
    public JavaDecoder(ModelConfig config, Parameters parameters) {
        if (!Affine.VECTORISED) {
            throw new IllegalStateException("the plain-Java decoder needs the Vector API: start the JVM with "
                    + "--add-modules jdk.incubator.vector");
        }
        if (parameters.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("the plain-Java decoder reads float32 parameters, not "
                    + parameters.dataType());
        }
        this.config = config;
        this.parameters = parameters;
        this.d = config.width();
        this.heads = config.heads();
        this.headWidth = config.headWidth();
        this.hidden = Math.toIntExact(parameters.shape(TransformerLayout.block(0, "mlp/up_weight"))[1]);
        this.vocabulary = config.vocabulary();
        this.headColumns = VectorMath.padded(vocabulary);
        this.scale = (float) (1.0 / Math.sqrt(headWidth));
        this.keyStride = VectorMath.padded(config.context());
    }

    @Override
    public int position() {
        return position;
    }

    @Override
    public float[][] prefill(int[][] prompts) {
        float[] x = readAll(prompts);
        int length = prompts[0].length;
        float[] last = new float[rows * d];
        for (int b = 0; b < rows; b++) {
            System.arraycopy(x, (b * length + length - 1) * d, last, b * d, d);
        }
        return head(last, rows);
    }

    @Override
    public float[][] logitsAtEveryPosition(int[][] sequences) {
        float[] x = readAll(sequences);
        return head(x, rows * sequences[0].length);
    }

    @Override
    public float[][] next(int[] tokens) {
        DecoderInputs.checkNext(tokens, rows, position, config.context());
        float[] x = embed(tokens, 1, position);
        for (int layer = 0; layer < config.layers(); layer++) {
            x = block(x, layer, 1, position);
        }
        position++;
        return head(x, rows);
    }

    /** Copies the weights, sizes the cache for the batch and runs the blocks; returns the stream {@code [B·L, d]}. */
    private float[] readAll(int[][] sequences) {
        int[] flat = DecoderInputs.flatten(sequences, config.context());
        int length = sequences[0].length;
        weights = snapshot();
        rows = sequences.length;
        int cacheSize = rows * config.context() * d;
        if (keys.length != config.layers() || values[0].length != cacheSize) {
            keys = new float[config.layers()][rows * d * keyStride];
            values = new float[config.layers()][cacheSize];
        }
        float[] x = embed(flat, length, 0);
        for (int layer = 0; layer < config.layers(); layer++) {
            x = block(x, layer, length, 0);
        }
        position = length;
        return x;
    }

    private Weights snapshot() {
        float[][] blocks = new float[config.layers() * PARTS.length][];
        for (int layer = 0; layer < config.layers(); layer++) {
            for (int p = 0; p < PARTS.length; p++) {
                blocks[layer * PARTS.length + p] = values(TransformerLayout.block(layer, PARTS[p]));
            }
        }
        float[] token = values(TransformerLayout.TOKEN_EMBEDDING);
        float[] untied = config.tiedEmbeddings() ? null : values(TransformerLayout.HEAD);
        float[] head = new float[d * headColumns];
        for (int v = 0; v < vocabulary; v++) {
            for (int i = 0; i < d; i++) {
                head[i * headColumns + v] = untied == null ? token[v * d + i] : untied[i * vocabulary + v];
            }
        }
        return new Weights(token, values(TransformerLayout.POSITION_EMBEDDING), blocks,
                values(TransformerLayout.FINAL_NORM_GAIN), values(TransformerLayout.FINAL_NORM_BIAS), head);
    }

    /** @return the weights the last prefill copied */
    private Weights weights() {
        if (weights == null) {
            throw new IllegalStateException("nothing to decode from: prefill a batch first");
        }
        return weights;
    }

    /** @return part {@code part} of layer {@code layer}'s block ({@link #PARTS}) */
    private float[] part(int layer, int part) {
        return weights().blocks()[layer * PARTS.length + part];
    }

    private float[] values(String name) {
        return parameters.get(name).castTo(DataType.FLOAT).data().asFloat();
    }

    /** @return {@code [rows·length, d]}: token rows plus the position rows from {@code start} */
    private float[] embed(int[] tokens, int length, int start) {
        Weights copied = weights();
        float[] x = new float[tokens.length * d];
        for (int n = 0; n < tokens.length; n++) {
            int token = tokens[n];
            if (token < 0 || token >= vocabulary) {
                throw new IllegalArgumentException("token " + token + " is outside the vocabulary [0, " + vocabulary
                        + ")");
            }
            int t = start + n % length;
            for (int i = 0; i < d; i++) {
                x[n * d + i] = copied.token()[token * d + i] + copied.positions()[t * d + i];
            }
        }
        return x;
    }

    /**
     * One block over {@code length} new positions per row starting at {@code start}: attention (the new keys and
     * values written to the cache first) and the MLP, each added to the stream; returns the new stream.
     */
    private float[] block(float[] x, int layer, int length, int start) {
        int n = rows * length;
        float[] normed = VectorMath.layerNorm(x, n, d, part(layer, ATTENTION_NORM), part(layer, ATTENTION_NORM + 1));
        float[] qkv = VectorAffine.apply(normed, n, d, part(layer, QKV), 3 * d, part(layer, QKV + 1));
        float[] layerKeys = keys[layer];
        float[] layerValues = values[layer];
        int context = config.context();
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                int source = (b * length + t) * 3 * d;
                for (int i = 0; i < d; i++) {
                    layerKeys[(b * d + i) * keyStride + start + t] = qkv[source + d + i];
                }
                System.arraycopy(qkv, source + 2 * d, layerValues, (b * context + start + t) * d, d);
            }
        }
        float[] merged = new float[n * d];
        float[] weightsOfKeys = new float[keyStride];
        float[] scaledQuery = new float[d];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                int query = (b * length + t) * 3 * d;
                int seen = start + t + 1;
                for (int i = 0; i < d; i++) {
                    scaledQuery[i] = qkv[query + i] * scale;
                }
                for (int h = 0; h < heads; h++) {
                    int offset = h * headWidth;
                    VectorMath.scores(scaledQuery, offset, headWidth, layerKeys, (b * d + offset) * keyStride,
                            keyStride, seen, weightsOfKeys);
                    float total = VectorMath.softmaxInPlace(weightsOfKeys, seen);
                    VectorMath.mix(weightsOfKeys, seen, total, layerValues, b * context * d + offset, d, headWidth,
                            merged, (b * length + t) * d + offset);
                }
            }
        }
        float[] attended = VectorAffine.apply(merged, n, d, part(layer, OUT), d, part(layer, OUT + 1));
        for (int i = 0; i < attended.length; i++) {
            attended[i] += x[i];
        }
        float[] up = VectorAffine.apply(VectorMath.layerNorm(attended, n, d, part(layer, MLP_NORM),
                part(layer, MLP_NORM + 1)), n, d, part(layer, UP), hidden, part(layer, UP + 1));
        VectorMath.gelu(up);
        float[] down = VectorAffine.apply(up, n, hidden, part(layer, DOWN), d, part(layer, DOWN + 1));
        for (int i = 0; i < down.length; i++) {
            down[i] += attended[i];
        }
        return down;
    }

    /** @return the logits {@code [n][V]} of the stream's rows */
    private float[][] head(float[] x, int n) {
        Weights copied = weights();
        float[] last = VectorMath.layerNorm(x, n, d, copied.finalGain(), copied.finalBias());
        float[] flat = VectorAffine.apply(last, n, d, copied.head(), headColumns, null);
        float[][] logits = new float[n][vocabulary];
        for (int r = 0; r < n; r++) {
            System.arraycopy(flat, r * headColumns, logits[r], 0, vocabulary);
        }
        return logits;
    }
}
