package org.cpt4j.internal.model;

/**
 * What an entry of {@code in [n, k] · w [k, m] + bias} is for the plain-Java decoder: the bias, then the products
 * of the input row's entries with the weight column's, added in order, each with one fused multiply-add
 * ({@link Math#fma}, exact by IEEE 754 on every CPU). {@link VectorAffine} computes whole products that way in the
 * Vector API's lanes, so its results are the same bits as {@link #entry}'s, on every CPU and whatever its BLAS
 * kernels. This class needs no Vector API: it also says whether the JVM has one.
 */
final class Affine {

    /** Whether the JVM was started with the Vector API ({@code --add-modules jdk.incubator.vector}). */
    static final boolean VECTORISED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Affine() {
    }

    /** @return output entry {@code [r, j]}: the bias ({@code bias} may be null), then each product fused into the sum in input order */
    static float entry(float[] in, int r, int k, float[] w, int m, float[] bias, int j) {
        float sum = bias == null ? 0 : bias[j];
        for (int c = 0; c < k; c++) {
            sum = Math.fma(in[r * k + c], w[c * m + j], sum);
        }
        return sum;
    }
}
