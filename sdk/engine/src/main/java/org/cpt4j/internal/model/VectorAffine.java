package org.cpt4j.internal.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Affine} in the Vector API's widest float lanes; loaded only when the JVM has the module. Four rows share
 * each load of a weight vector, and each output vector stays in a register through its whole sum: the bias, then
 * the input's entries times the weight rows in order, multiplied and added unfused, as in {@link Affine#scalar}.
 */
final class VectorAffine {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    private static final int ROWS = 4;

    private VectorAffine() {
    }

    static float[] apply(float[] in, int n, int k, float[] w, int m, float[] bias) {
        float[] out = new float[n * m];
        int bound = LANES.loopBound(m);
        FloatVector zero = FloatVector.zero(LANES);
        int r = 0;
        for (; r + ROWS <= n; r += ROWS) {
            int i0 = r * k;
            int i1 = i0 + k;
            int i2 = i1 + k;
            int i3 = i2 + k;
            for (int j = 0; j < bound; j += LANES.length()) {
                FloatVector start = bias == null ? zero : FloatVector.fromArray(LANES, bias, j);
                FloatVector a0 = start;
                FloatVector a1 = start;
                FloatVector a2 = start;
                FloatVector a3 = start;
                for (int c = 0; c < k; c++) {
                    FloatVector weight = FloatVector.fromArray(LANES, w, c * m + j);
                    a0 = a0.add(weight.mul(in[i0 + c]));
                    a1 = a1.add(weight.mul(in[i1 + c]));
                    a2 = a2.add(weight.mul(in[i2 + c]));
                    a3 = a3.add(weight.mul(in[i3 + c]));
                }
                a0.intoArray(out, r * m + j);
                a1.intoArray(out, (r + 1) * m + j);
                a2.intoArray(out, (r + 2) * m + j);
                a3.intoArray(out, (r + 3) * m + j);
            }
            for (int row = r; row < r + ROWS; row++) {
                tail(in, row, k, w, m, bias, bound, out);
            }
        }
        for (; r < n; r++) {
            for (int j = 0; j < bound; j += LANES.length()) {
                FloatVector a = bias == null ? zero : FloatVector.fromArray(LANES, bias, j);
                for (int c = 0; c < k; c++) {
                    a = a.add(FloatVector.fromArray(LANES, w, c * m + j).mul(in[r * k + c]));
                }
                a.intoArray(out, r * m + j);
            }
            tail(in, r, k, w, m, bias, bound, out);
        }
        return out;
    }

    /** The columns from {@code from} on, which fill no whole vector, one at a time in the same order. */
    private static void tail(float[] in, int r, int k, float[] w, int m, float[] bias, int from, float[] out) {
        for (int j = from; j < m; j++) {
            float sum = bias == null ? 0 : bias[j];
            for (int c = 0; c < k; c++) {
                sum += in[r * k + c] * w[c * m + j];
            }
            out[r * m + j] = sum;
        }
    }
}
