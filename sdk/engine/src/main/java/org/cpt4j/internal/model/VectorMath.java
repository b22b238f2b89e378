package org.cpt4j.internal.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The plain-Java decoder's LayerNorm, GELU and attention loops in the Vector API's widest float lanes (loaded only
 * when the JVM has the module, as {@link VectorAffine}). Entries that fill no whole vector are computed one at a
 * time with the same formula. The exponential is the Vector API's ({@code VectorOperators.EXP}, within an ulp of
 * {@link Math#exp}; the JDK's SVML routines on x86-64), so results are this JVM's and CPU's, like ND4J's.
 */
final class VectorMath {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    /** GELU's sigmoid approximation: {@code x·σ(1.702·x)}, as ND4J's {@code gelu} op computes it. */
    private static final float GELU_SLOPE = -1.702f;

    private VectorMath() {
    }

    /** @return {@code n} rounded up to whole vectors */
    static int padded(int n) {
        int width = LANES.length();
        return (n + width - 1) / width * width;
    }

    /** Replaces each entry {@code x} by {@code x / (1 + e^(−1.702·x))}. */
    static void gelu(float[] x) {
        int i = 0;
        for (int bound = LANES.loopBound(x.length); i < bound; i += LANES.length()) {
            FloatVector v = FloatVector.fromArray(LANES, x, i);
            v.div(v.mul(GELU_SLOPE).lanewise(VectorOperators.EXP).add(1f)).intoArray(x, i);
        }
        for (; i < x.length; i++) {
            x[i] = x[i] / (1 + (float) Math.exp(GELU_SLOPE * x[i]));
        }
    }

    /**
     * @return each row of {@code x [n, d]} standardised (population variance, no epsilon, as ND4J's
     *     {@code layer_norm}), times {@code gain}, plus {@code bias}
     */
    static float[] layerNorm(float[] x, int n, int d, float[] gain, float[] bias) {
        float[] out = new float[n * d];
        int bound = LANES.loopBound(d);
        for (int r = 0; r < n; r++) {
            int o = r * d;
            float mean = sum(x, o, d, bound) / d;
            float variance = squaredDeviations(x, o, d, bound, mean) / d;
            float inverse = (float) (1 / Math.sqrt(variance));
            int i = 0;
            for (; i < bound; i += LANES.length()) {
                FloatVector.fromArray(LANES, x, o + i).sub(mean).mul(inverse).mul(FloatVector.fromArray(LANES, gain, i))
                        .add(FloatVector.fromArray(LANES, bias, i)).intoArray(out, o + i);
            }
            for (; i < d; i++) {
                out[o + i] = (x[o + i] - mean) * inverse * gain[i] + bias[i];
            }
        }
        return out;
    }

    /** @return the sum of {@code x[o..o+d)} */
    private static float sum(float[] x, int o, int d, int bound) {
        FloatVector acc = FloatVector.zero(LANES);
        int i = 0;
        for (; i < bound; i += LANES.length()) {
            acc = acc.add(FloatVector.fromArray(LANES, x, o + i));
        }
        float total = acc.reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            total += x[o + i];
        }
        return total;
    }

    /** @return the sum of {@code (x − mean)²} over {@code x[o..o+d)} */
    private static float squaredDeviations(float[] x, int o, int d, int bound, float mean) {
        FloatVector acc = FloatVector.zero(LANES);
        int i = 0;
        for (; i < bound; i += LANES.length()) {
            FloatVector centred = FloatVector.fromArray(LANES, x, o + i).sub(mean);
            acc = acc.add(centred.mul(centred));
        }
        float total = acc.reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            float centred = x[o + i] - mean;
            total += centred * centred;
        }
        return total;
    }

    /**
     * Scores one query against keys {@code [0, seen)} of one head: {@code scores[k] = Σᵢ query[q + i] ·
     * keys[from + i·stride + k]}, the keys stored transposed ({@code [headWidth][stride]}, one key per column), so
     * sixteen keys share each broadcast query entry. Entries from {@code seen} up to the next whole vector are
     * negative infinity, so {@link #softmaxInPlace} gives them no weight.
     */
    static void scores(float[] query, int q, int headWidth, float[] keys, int from, int stride, int seen,
                       float[] scores) {
        int end = padded(seen);
        for (int k = 0; k < end; k += LANES.length()) {
            FloatVector acc = FloatVector.zero(LANES);
            for (int i = 0; i < headWidth; i++) {
                acc = FloatVector.fromArray(LANES, keys, from + i * stride + k)
                        .fma(FloatVector.broadcast(LANES, query[q + i]), acc);
            }
            acc.intoArray(scores, k);
        }
        for (int k = seen; k < end; k++) {
            scores[k] = Float.NEGATIVE_INFINITY;
        }
    }

    /** Replaces {@code scores[0, padded(seen))} by {@code e^(s − max)}, and returns their sum. */
    static float softmaxInPlace(float[] scores, int seen) {
        int end = padded(seen);
        FloatVector max = FloatVector.broadcast(LANES, Float.NEGATIVE_INFINITY);
        for (int k = 0; k < end; k += LANES.length()) {
            max = max.max(FloatVector.fromArray(LANES, scores, k));
        }
        float top = max.reduceLanes(VectorOperators.MAX);
        FloatVector sum = FloatVector.zero(LANES);
        for (int k = 0; k < end; k += LANES.length()) {
            FloatVector e = FloatVector.fromArray(LANES, scores, k).sub(top).lanewise(VectorOperators.EXP);
            e.intoArray(scores, k);
            sum = sum.add(e);
        }
        return sum.reduceLanes(VectorOperators.ADD);
    }

    /**
     * Writes {@code out[o + i] = Σₖ weights[k] · values[from + k·rowStride + i] / total} for {@code i <
     * headWidth}, keys {@code [0, seen)}: one head's mix of the values, normalised once at the end.
     */
    static void mix(float[] weights, int seen, float total, float[] values, int from, int rowStride, int headWidth,
                    float[] out, int o) {
        int bound = LANES.loopBound(headWidth);
        int i = 0;
        for (; i < bound; i += LANES.length()) {
            FloatVector acc = FloatVector.zero(LANES);
            for (int k = 0; k < seen; k++) {
                acc = FloatVector.fromArray(LANES, values, from + k * rowStride + i)
                        .fma(FloatVector.broadcast(LANES, weights[k]), acc);
            }
            acc.div(total).intoArray(out, o + i);
        }
        for (; i < headWidth; i++) {
            float acc = 0;
            for (int k = 0; k < seen; k++) {
                acc = Math.fma(weights[k], values[from + k * rowStride + i], acc);
            }
            out[o + i] = acc / total;
        }
    }
}
