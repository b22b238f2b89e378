package org.cpt4j.internal.rl;

import org.cpt4j.objective.LogSoftmax;

/**
 * Logits of whole sequences under one parameter set (a teacher's, the reference's, the policy's for response
 * drift), with no gradient. The engine's is {@link TransformerScorer}; {@link Kernels} makes one, and a replaced
 * {@code Kernels} binding replaces every scorer of a run.
 */
public interface SequenceScorer {

    /** @return raw logits at every position of each sequence, {@code [n][length_i][V]} */
    double[][][] logits(int[][] sequences);

    /** @return log-softmax of every row of {@code logits}, in place */
    static double[][][] logSoftmax(double[][][] logits) {
        for (double[][] sequence : logits) {
            for (int t = 0; t < sequence.length; t++) {
                sequence[t] = LogSoftmax.of(sequence[t]);
            }
        }
        return logits;
    }
}
