package org.cpt4j.internal.rl;

import java.util.Arrays;
import org.cpt4j.internal.model.CachedDecoder;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.objective.LogSoftmax;
import org.cpt4j.text.Tokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Log-distributions of whole sequences under a parameter set (a teacher's, the reference's), with no graph and
 * no gradient: the {@link CachedDecoder}'s forward pass over right-padded rows.
 */
public final class SequenceScorer {

    private static final int ROWS_PER_PASS = 64;

    private final CachedDecoder decoder;

    public SequenceScorer(ModelConfig config, Parameters parameters) {
        this.decoder = new CachedDecoder(config, parameters);
    }

    /** @return raw logits at every position of each sequence, {@code [n][length_i][V]} */
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
            double[][] flat = decoder.logitsAtEveryPosition(padded).castTo(DataType.DOUBLE).toDoubleMatrix();
            for (int i = start; i < end; i++) {
                out[i] = new double[sequences[i].length][];
                for (int t = 0; t < sequences[i].length; t++) {
                    out[i][t] = flat[(i - start) * longest + t];
                }
            }
        }
        return out;
    }

    /** @return log-softmax of every row of {@code logits}, in place */
    public static double[][][] logSoftmax(double[][][] logits) {
        for (double[][] sequence : logits) {
            for (int t = 0; t < sequence.length; t++) {
                sequence[t] = LogSoftmax.of(sequence[t]);
            }
        }
        return logits;
    }
}
