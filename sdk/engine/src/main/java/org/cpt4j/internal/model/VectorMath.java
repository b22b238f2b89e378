package org.cpt4j.internal.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The plain-Java decoder's LayerNorm, GELU and attention loops in the Vector API's widest float lanes (loaded only
 * when the JVM has the module, as {@link VectorAffine}). Entries that fill no whole vector are computed one at a
 * time with the same formula. Every operation is one that IEEE 754 rounds exactly (add, multiply, fused multiply-add,
 * division, square root, comparisons, bit moves) and every sum runs in a fixed order ({@link #sumOfLanes}, not
 * {@code reduceLanes(ADD)}, whose order the Vector API leaves to the implementation), so a result does not depend on
 * whether the JIT has compiled the loop. The exponential is {@link #exp}'s polynomial, not
 * {@code VectorOperators.EXP}, whose compiled form (the JDK's SVML routines) and interpreted form ({@link Math#exp}
 * per lane) differ in the last bit, which made the first steps of a run, computed before the JIT compiled them, round
 * unlike the same steps later. Sums are accumulated lane by lane, so they do depend on the lane count: a CPU with
 * 8-float vectors rounds some sums unlike one with 16.
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
            v.div(exp(v.mul(GELU_SLOPE)).add(1f)).intoArray(x, i);
        }
        for (; i < x.length; i++) {
            x[i] = x[i] / (1 + exp(GELU_SLOPE * x[i]));
        }
    }

    /** @return the sum of {@code v}'s lanes, from the first to the last */
    static float sumOfLanes(FloatVector v) {
        float sum = 0;
        for (int i = 0; i < LANES.length(); i++) {
            sum += v.lane(i);
        }
        return sum;
    }

    /** Below this {@link #exp} is 0 (the true value is under 1.2e-38), above the next it is infinite. */
    private static final float EXP_LOWEST = -87.3f;
    private static final float EXP_HIGHEST = 88.3f;
    /** 1.5·2²³: adding it rounds a float of magnitude under 2²² to an integer, held in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    private static final float LOG2_E = 1.44269504088896341f;
    /** ln 2 in two parts, the first exact in few bits, for Cody and Waite's range reduction. */
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    /** Cephes {@code expf}'s minimax polynomial for {@code (e^r − 1 − r) / r²} on {@code |r| ≤ ln2 / 2}. */
    private static final float[] EXP_POLYNOMIAL = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
        4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};

    /**
     * {@code e^x} as Cephes' {@code expf} computes it (Moshier 1984; within 2 ulp): {@code k = round(x·log₂e)},
     * {@code r = x − k·ln2}, {@code e^x = 2^k · (1 + r + r²·P(r))}; 0 below {@value #EXP_LOWEST}, infinite above
     * {@value #EXP_HIGHEST}. The same bits as the scalar {@link #exp(float)} in every lane.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(EXP_LOWEST).min(EXP_HIGHEST);
        FloatVector shifted = clamped.fma(FloatVector.broadcast(LANES, LOG2_E), FloatVector.broadcast(LANES, ROUNDER));
        FloatVector k = shifted.sub(ROUNDER);
        FloatVector r = k.fma(FloatVector.broadcast(LANES, -LN2_HIGH), clamped);
        r = k.fma(FloatVector.broadcast(LANES, -LN2_LOW), r);
        FloatVector p = FloatVector.broadcast(LANES, EXP_POLYNOMIAL[0]);
        for (int i = 1; i < EXP_POLYNOMIAL.length; i++) {
            p = p.fma(r, FloatVector.broadcast(LANES, EXP_POLYNOMIAL[i]));
        }
        FloatVector y = p.fma(r.mul(r), r).add(1f);
        FloatVector scale = shifted.reinterpretAsInts().sub(ROUNDER_BITS).add(127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return y.mul(scale).blend(0f, x.lt(EXP_LOWEST))
                .blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_HIGHEST));
    }

    /** {@code e^x} for one value, the same bits as a lane of {@link #exp(FloatVector)}. */
    static float exp(float x) {
        if (x < EXP_LOWEST) {
            return 0f;
        }
        if (x > EXP_HIGHEST) {
            return Float.POSITIVE_INFINITY;
        }
        float shifted = Math.fma(x, LOG2_E, ROUNDER);
        float k = shifted - ROUNDER;
        float r = Math.fma(k, -LN2_HIGH, x);
        r = Math.fma(k, -LN2_LOW, r);
        float p = EXP_POLYNOMIAL[0];
        for (int i = 1; i < EXP_POLYNOMIAL.length; i++) {
            p = Math.fma(p, r, EXP_POLYNOMIAL[i]);
        }
        float y = Math.fma(p, r * r, r) + 1f;
        return y * Float.intBitsToFloat((Float.floatToRawIntBits(shifted) - ROUNDER_BITS + 127) << 23);
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
        float total = sumOfLanes(acc);
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
        float total = sumOfLanes(acc);
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
            FloatVector e = exp(FloatVector.fromArray(LANES, scores, k).sub(top));
            e.intoArray(scores, k);
            sum = sum.add(e);
        }
        return sumOfLanes(sum);
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
