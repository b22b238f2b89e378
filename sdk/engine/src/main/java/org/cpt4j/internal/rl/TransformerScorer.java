package org.cpt4j.internal.rl;

import java.util.Arrays;
import org.cpt4j.internal.model.Decoder;
import org.cpt4j.internal.model.Decoders;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.text.Tokenizer;

/**
 * The engine's scorer: the forward pass of the decoder that scores fastest ({@link Decoders#forScoring}) over
 * right-padded rows, with no graph and no gradient.
 */
public final class TransformerScorer implements SequenceScorer {

    private static final int ROWS_PER_PASS = 64;

    private final Decoder decoder;

    public TransformerScorer(ModelConfig config, Parameters parameters) {
        this.decoder = Decoders.forScoring(config, parameters);
    }

    @Override
    public double[][][] logits(int[][] sequences) {
        double[][][] out = new double[sequences.length][][];
        for (int start = 0; start < sequences.length; start += ROWS_PER_PASS) {
            int end = Math.min(sequences.length, start + ROWS_PER_PASS);
            int longest = 0;
            for (int i = start; i < end; i++) {
                longest = Math.max(longest, sequences[i].length);
            }
            int[][] padded = new int[end - start][];
            for (int i = start; i < end; i++) {
                padded[i - start] = Arrays.copyOf(sequences[i], longest);
                Arrays.fill(padded[i - start], sequences[i].length, longest, Tokenizer.PAD);
            }
            float[][] flat = decoder.logitsAtEveryPosition(padded);
            for (int i = start; i < end; i++) {
                out[i] = new double[sequences[i].length][];
                for (int t = 0; t < sequences[i].length; t++) {
                    float[] row = flat[(i - start) * longest + t];
                    out[i][t] = new double[row.length];
                    for (int v = 0; v < row.length; v++) {
                        out[i][t][v] = row[v];
                    }
                }
            }
        }
        return out;
    }
}
