package org.cpt4j.internal.model;

/**
 * {@code in [n, k] · w [k, m] + bias}, row by row, for the plain-Java decoder: each output entry is the bias plus
 * the products of the input row's entries with the weight column's, added in order, multiplied and added unfused. With the Vector API
 * ({@code --add-modules jdk.incubator.vector}, which the {@code cpt4j} launcher and the tests pass) the inner loop
 * runs in the CPU's widest lanes ({@link VectorAffine}); without it, as plain loops. Every output entry sees the
 * same operations in the same order either way, so both give the same bits, on every CPU.
 */
final class Affine {

    /** Whether the JVM was started with the Vector API. */
    static final boolean VECTORISED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Affine() {
    }

    /** @return {@code in · w + bias} ({@code bias} may be null), with the Vector API when the JVM has it */
    static float[] apply(float[] in, int n, int k, float[] w, int m, float[] bias) {
        return VECTORISED ? VectorAffine.apply(in, n, k, w, m, bias) : scalar(in, n, k, w, m, bias);
    }

    /** @return the same as {@link #apply}, in plain loops */
    static float[] scalar(float[] in, int n, int k, float[] w, int m, float[] bias) {
        float[] out = new float[n * m];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < m; j++) {
                float sum = bias == null ? 0 : bias[j];
                for (int c = 0; c < k; c++) {
                    sum += in[r * k + c] * w[c * m + j];
                }
                out[r * m + j] = sum;
            }
        }
        return out;
    }
}
