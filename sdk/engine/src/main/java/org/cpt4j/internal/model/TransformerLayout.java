package org.cpt4j.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cpt4j.model.ModelConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The parameters of a {@link ModelConfig}'s transformer: names, shapes, initialisation and whether weight
 * decay applies. Names are stable; files refer to parameters by them.
 */
final class TransformerLayout {

    static final String TOKEN_EMBEDDING = "embedding/token";
    static final String POSITION_EMBEDDING = "embedding/position";
    static final String FINAL_NORM_GAIN = "final_norm/gain";
    static final String FINAL_NORM_BIAS = "final_norm/bias";
    static final String HEAD = "head/weight";

    /** Standard deviation of the normal initialisation of weight matrices and embeddings (GPT-2). */
    static final double INIT_STD = 0.02;

    /** Arrays each transformer block adds to the layout. */
    private static final int ARRAYS_PER_BLOCK = 12;

    /** How a parameter starts. */
    enum Init { NORMAL, RESIDUAL_NORMAL, ZEROS, ONES }

    /** One parameter: its name, shape, initialisation and whether AdamW decays it. */
    record Entry(String name, long[] shape, Init init, boolean decayed) {
    }

    private final ModelConfig config;
    private final List<Entry> entries;

    TransformerLayout(ModelConfig config) {
        this.config = config;
        this.entries = List.copyOf(layout(config));
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * @return how many arrays the layout of {@code config} has, without laying it out: a file's reader compares it
     *     with the arrays the file declares before building a layout for a model of however many layers
     */
    static long arrayCount(ModelConfig config) {
        return (long) ARRAYS_PER_BLOCK * config.layers() + 4 + (config.tiedEmbeddings() ? 0 : 1);
    }

    static String block(int layer, String part) {
        return "block" + layer + "/" + part;
    }

    private static List<Entry> layout(ModelConfig c) {
        long d = c.width();
        long hidden = (long) ModelConfig.MLP_RATIO * d;
        List<Entry> list = new ArrayList<>();
        list.add(new Entry(TOKEN_EMBEDDING, new long[] {c.vocabulary(), d}, Init.NORMAL, false));
        list.add(new Entry(POSITION_EMBEDDING, new long[] {c.context(), d}, Init.NORMAL, false));
        for (int layer = 0; layer < c.layers(); layer++) {
            list.add(new Entry(block(layer, "attention_norm/gain"), new long[] {d}, Init.ONES, false));
            list.add(new Entry(block(layer, "attention_norm/bias"), new long[] {d}, Init.ZEROS, false));
            list.add(new Entry(block(layer, "attention/qkv_weight"), new long[] {d, 3 * d}, Init.NORMAL, true));
            list.add(new Entry(block(layer, "attention/qkv_bias"), new long[] {3 * d}, Init.ZEROS, false));
            list.add(new Entry(block(layer, "attention/out_weight"), new long[] {d, d}, Init.RESIDUAL_NORMAL, true));
            list.add(new Entry(block(layer, "attention/out_bias"), new long[] {d}, Init.ZEROS, false));
            list.add(new Entry(block(layer, "mlp_norm/gain"), new long[] {d}, Init.ONES, false));
            list.add(new Entry(block(layer, "mlp_norm/bias"), new long[] {d}, Init.ZEROS, false));
            list.add(new Entry(block(layer, "mlp/up_weight"), new long[] {d, hidden}, Init.NORMAL, true));
            list.add(new Entry(block(layer, "mlp/up_bias"), new long[] {hidden}, Init.ZEROS, false));
            list.add(new Entry(block(layer, "mlp/down_weight"), new long[] {hidden, d}, Init.RESIDUAL_NORMAL, true));
            list.add(new Entry(block(layer, "mlp/down_bias"), new long[] {d}, Init.ZEROS, false));
        }
        list.add(new Entry(FINAL_NORM_GAIN, new long[] {d}, Init.ONES, false));
        list.add(new Entry(FINAL_NORM_BIAS, new long[] {d}, Init.ZEROS, false));
        if (!c.tiedEmbeddings()) {
            list.add(new Entry(HEAD, new long[] {d, c.vocabulary()}, Init.NORMAL, true));
        }
        return list;
    }

    /**
     * Creates freshly initialised parameters. Values come from one {@link SplittableRandom} seeded with
     * {@code seed} and drawn in canonical order, so they are the same on every backend and thread count.
     * Residual projections use {@code INIT_STD / sqrt(2 · layers)} (GPT-2).
     */
    Parameters initialize(long seed, DataType dataType) {
        SplittableRandom random = new SplittableRandom(seed);
        double residualStd = INIT_STD / Math.sqrt(2.0 * config.layers());
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Entry entry : entries) {
            double[] values = new double[Math.toIntExact(length(entry.shape()))];
            switch (entry.init()) {
                case NORMAL -> fillNormal(values, INIT_STD, random);
                case RESIDUAL_NORMAL -> fillNormal(values, residualStd, random);
                case ONES -> java.util.Arrays.fill(values, 1.0);
                case ZEROS -> { }
            }
            arrays.put(entry.name(), Nd4j.create(values, entry.shape(), 'c').castTo(dataType));
        }
        return new Parameters(arrays);
    }

    /** @return a set of zero arrays shaped like the parameters (optimizer moments) */
    Parameters zeros(DataType dataType) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Entry entry : entries) {
            arrays.put(entry.name(), Nd4j.zeros(dataType, entry.shape()));
        }
        return new Parameters(arrays);
    }

    private static void fillNormal(double[] values, double std, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = std * gaussian(random);
        }
    }

    /** Marsaglia's polar method; written out so the values do not depend on the JDK's implementation. */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    static long length(long[] shape) {
        long n = 1;
        for (long dim : shape) {
            n *= dim;
        }
        return n;
    }
}
