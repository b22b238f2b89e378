package org.cpt4j.internal.rl;

import java.util.List;

/**
 * Lays the teacher's scores of its own sequences onto the student's positions. Row {@code i}'s response token
 * {@code j} sits at index {@code p_i + j} of the student's sequence ({@code p_i} its prompt's length) and is
 * predicted at position {@code p_i − 1 + j}; in the teacher's sequence (teacher prompt + the same response,
 * {@code n_k} tokens for a response of {@code g_i} tokens) it is predicted at {@code n_k − g_i − 1 + j}. So
 * <pre>
 * aligned[i][p_i − 1 + j] = scored[k][n_k − g_i − 1 + j]    for j = 0 … g_i − 1
 * </pre>
 * for the {@code k}-th taught row {@code i}, and every other position keeps {@code fill}.
 */
final class TeacherAlignment {

    private TeacherAlignment() {
    }

    /**
     * @param scored the teacher's log-distributions at every position of each taught row's teacher sequence
     * @param teacherLengths each taught row's teacher sequence length {@code n_k}
     * @param taught the student rows the teacher sequences belong to, in order
     * @param studentStarts each student row's first response position {@code p_i − 1}
     * @param responseLengths each student row's response length {@code g_i}
     * @param length the student batch's positions per row
     * @param fill the distribution of every position without a teacher score
     * @return the teacher's log-distribution at every student position, {@code [B][L][V]}
     */
    static double[][][] align(double[][][] scored, int[] teacherLengths, List<Integer> taught, int[] studentStarts,
                              int[] responseLengths, int length, double[] fill) {
        double[][][] aligned = new double[studentStarts.length][length][];
        for (double[][] row : aligned) {
            java.util.Arrays.fill(row, fill);
        }
        for (int k = 0; k < taught.size(); k++) {
            int i = taught.get(k);
            int teacherStart = teacherLengths[k] - responseLengths[i] - 1;
            for (int j = 0; j < responseLengths[i]; j++) {
                aligned[i][studentStarts[i] + j] = scored[k][teacherStart + j];
            }
        }
        return aligned;
    }
}
