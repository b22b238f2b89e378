package org.cpt4j.internal.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Affine} in the Vector API's widest float lanes; loaded only when the JVM has the module. A block of four
 * rows by two output vectors keeps eight sums in registers through the whole product, so each weight vector load
 * serves four rows and each broadcast input entry two vectors. Every output entry is the bias, then the input's
 * entries times the weight rows in order, each added with one fused multiply-add, as {@link Affine#entry} defines it.
 */
final class VectorAffine {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    private static final int ROWS = 4;

    private VectorAffine() {
    }

    static float[] apply(float[] in, int n, int k, float[] w, int m, float[] bias) {
        float[] out = new float[n * m];
        int width = LANES.length();
        int pairs = m / (2 * width) * (2 * width);
        int bound = LANES.loopBound(m);
        int r = 0;
        for (; r + ROWS <= n; r += ROWS) {
            for (int j = 0; j < pairs; j += 2 * width) {
                fourRowsTwoVectors(in, r, k, w, m, bias, j, out);
            }
            for (int row = r; row < r + ROWS; row++) {
                oneRow(in, row, k, w, m, bias, pairs, bound, out);
            }
        }
        for (; r < n; r++) {
            oneRow(in, r, k, w, m, bias, 0, bound, out);
        }
        return out;
    }

    private static void fourRowsTwoVectors(float[] in, int r, int k, float[] w, int m, float[] bias, int j,
                                           float[] out) {
        int width = LANES.length();
        FloatVector left = start(bias, j);
        FloatVector right = start(bias, j + width);
        FloatVector a0 = left;
        FloatVector a1 = left;
        FloatVector a2 = left;
        FloatVector a3 = left;
        FloatVector b0 = right;
        FloatVector b1 = right;
        FloatVector b2 = right;
        FloatVector b3 = right;
        int i0 = r * k;
        int i1 = i0 + k;
        int i2 = i1 + k;
        int i3 = i2 + k;
        for (int c = 0; c < k; c++) {
            FloatVector wa = FloatVector.fromArray(LANES, w, c * m + j);
            FloatVector wb = FloatVector.fromArray(LANES, w, c * m + j + width);
            FloatVector x0 = FloatVector.broadcast(LANES, in[i0 + c]);
            FloatVector x1 = FloatVector.broadcast(LANES, in[i1 + c]);
            FloatVector x2 = FloatVector.broadcast(LANES, in[i2 + c]);
            FloatVector x3 = FloatVector.broadcast(LANES, in[i3 + c]);
            a0 = wa.fma(x0, a0);
            a1 = wa.fma(x1, a1);
            a2 = wa.fma(x2, a2);
            a3 = wa.fma(x3, a3);
            b0 = wb.fma(x0, b0);
            b1 = wb.fma(x1, b1);
            b2 = wb.fma(x2, b2);
            b3 = wb.fma(x3, b3);
        }
        a0.intoArray(out, r * m + j);
        a1.intoArray(out, (r + 1) * m + j);
        a2.intoArray(out, (r + 2) * m + j);
        a3.intoArray(out, (r + 3) * m + j);
        b0.intoArray(out, r * m + j + width);
        b1.intoArray(out, (r + 1) * m + j + width);
        b2.intoArray(out, (r + 2) * m + j + width);
        b3.intoArray(out, (r + 3) * m + j + width);
    }

    /** Row {@code r}'s columns from {@code from} on: whole vectors up to {@code bound}, then one at a time. */
    private static void oneRow(float[] in, int r, int k, float[] w, int m, float[] bias, int from, int bound,
                               float[] out) {
        int j = from;
        for (; j < bound; j += LANES.length()) {
            FloatVector a = start(bias, j);
            for (int c = 0; c < k; c++) {
                a = FloatVector.fromArray(LANES, w, c * m + j).fma(FloatVector.broadcast(LANES, in[r * k + c]), a);
            }
            a.intoArray(out, r * m + j);
        }
        for (; j < m; j++) {
            out[r * m + j] = Affine.entry(in, r, k, w, m, bias, j);
        }
    }

    private static FloatVector start(float[] bias, int j) {
        return bias == null ? FloatVector.zero(LANES) : FloatVector.fromArray(LANES, bias, j);
    }
}
