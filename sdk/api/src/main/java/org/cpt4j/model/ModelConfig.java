package org.cpt4j.model;

import java.util.function.Consumer;
import org.cpt4j.spec.Problems;

/**
 * Shape of the decoder-only transformer policy: token and learned position embeddings, {@code layers}
 * pre-LayerNorm blocks (causal multi-head attention, then a GELU MLP of width {@code 4 * width}), a final
 * LayerNorm and an output head that is either tied to the token embedding or a separate matrix.
 *
 * <p>Build one with {@link #of(Consumer)}; the record constructor validates and reports every problem.
 *
 * @param layers number of transformer blocks, at least 1
 * @param width model (residual stream) width, divisible by {@code heads}
 * @param heads attention heads per block
 * @param context longest token sequence the model reads (positions {@code 0..context-1})
 * @param vocabulary number of token ids
 * @param tiedEmbeddings whether the output head reuses the token embedding matrix (transposed)
 */
public record ModelConfig(int layers, int width, int heads, int context, int vocabulary, boolean tiedEmbeddings) {

    /** Width of the MLP hidden layer as a multiple of the model width (GPT-2's choice). */
    public static final int MLP_RATIO = 4;
    /** The most blocks a model may have: far beyond what runs here, short of sizes that overflow. */
    public static final int MAX_LAYERS = 512;
    /** The widest a model may be. */
    public static final int MAX_WIDTH = 32_768;
    /** The most attention heads per block. */
    public static final int MAX_HEADS = 512;
    /** The longest context. */
    public static final int MAX_CONTEXT = 65_536;
    /** The most token ids. */
    public static final int MAX_VOCABULARY = 1 << 20;

    public ModelConfig {
        Problems problems = new Problems("model");
        problems.require(layers >= 1 && layers <= MAX_LAYERS, "layers",
                "must be within 1 .. " + MAX_LAYERS + ", was " + layers);
        problems.require(width >= 1 && width <= MAX_WIDTH, "width", "must be within 1 .. " + MAX_WIDTH + ", was " + width);
        problems.require(heads >= 1 && heads <= MAX_HEADS, "heads", "must be within 1 .. " + MAX_HEADS + ", was " + heads);
        if (width >= 1 && heads >= 1) {
            problems.require(width % heads == 0, "width",
                    "must be divisible by model.heads (" + heads + "), was " + width);
        }
        problems.require(context >= 2 && context <= MAX_CONTEXT, "context",
                "must be within 2 .. " + MAX_CONTEXT + ", was " + context);
        problems.require(vocabulary >= 2 && vocabulary <= MAX_VOCABULARY, "vocabulary",
                "must be within 2 .. " + MAX_VOCABULARY + ", was " + vocabulary);
        problems.throwIfAny("model configuration");
    }

    /** @return a configuration built from the defaults (2 layers, width 64, 4 heads, context 64, vocabulary 64, tied) */
    public static ModelConfig of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return builder.build();
    }

    /** @return this configuration with another vocabulary size (a tokenizer decides it) */
    public ModelConfig withVocabulary(int size) {
        return new ModelConfig(layers, width, heads, context, size, tiedEmbeddings);
    }

    /** @return width of one attention head */
    public int headWidth() {
        return width / heads;
    }

    /** @return number of trainable scalars */
    public long parameterCount() {
        long d = width;
        long perLayer = 4 * d // two LayerNorms
                + d * 3 * d + 3 * d // fused QKV
                + d * d + d // attention output
                + d * MLP_RATIO * d + MLP_RATIO * d // MLP up
                + MLP_RATIO * d * d + d; // MLP down
        long embeddings = (long) vocabulary * d + (long) context * d;
        long head = tiedEmbeddings ? 0 : d * vocabulary;
        return embeddings + layers * perLayer + 2 * d + head;
    }

    /**
     * Multiply-adds of one forward pass over {@code sequences} rows of {@code length} tokens, counted as
     * 2 FLOPs each: the dense projections ({@code 2 * tokens * (12 d² + d V)}) plus attention scores and
     * mixing ({@code 2 * 2 * sequences * length² * d} per layer). Elementwise work is not counted.
     */
    public double forwardFlops(int sequences, int length) {
        double tokens = (double) sequences * length;
        double d = width;
        double dense = 2 * tokens * (layers * (3 * d * d + d * d + 2 * MLP_RATIO * d * d) + d * vocabulary);
        double attention = layers * 2.0 * 2.0 * sequences * (double) length * length * d;
        return dense + attention;
    }

    /** Mutable builder behind {@link #of(Consumer)}; {@link #build()} validates. */
    public static final class Builder {
        private int layers = 2;
        private int width = 64;
        private int heads = 4;
        private int context = 64;
        private int vocabulary = 64;
        private boolean tiedEmbeddings = true;

        Builder() {
        }

        public Builder layers(int value) {
            this.layers = value;
            return this;
        }

        public Builder width(int value) {
            this.width = value;
            return this;
        }

        public Builder heads(int value) {
            this.heads = value;
            return this;
        }

        public Builder context(int value) {
            this.context = value;
            return this;
        }

        public Builder vocabulary(int value) {
            this.vocabulary = value;
            return this;
        }

        public Builder tiedEmbeddings(boolean value) {
            this.tiedEmbeddings = value;
            return this;
        }

        public ModelConfig build() {
            return new ModelConfig(layers, width, heads, context, vocabulary, tiedEmbeddings);
        }
    }
}
