package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The decoder's vector loops compute their formulas at every size, whole vectors and tails alike: each is checked
 * against the formula written out in doubles.
 */
class VectorMathTest {

    private static final double TOLERANCE = 1e-5;

    private static float[] random(SplittableRandom random, int length, double spread) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * spread);
        }
        return values;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    @Property(tries = 200)
    void theExponentialIsWithinThreeUlpsOfMathExpAndEveryLaneIsTheScalarBitForBit(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = random(random, 16 * 8, 90);
        x[0] = 0f;
        x[1] = -0f;
        x[2] = Float.NEGATIVE_INFINITY;
        x[3] = Float.POSITIVE_INFINITY;
        x[4] = -87.2f;
        x[5] = 88.2f;
        x[6] = Float.NaN;
        float[] lanes = new float[x.length];
        for (int i = 0; i < x.length; i += FloatVector.SPECIES_PREFERRED.length()) {
            VectorMath.exp(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i)).intoArray(lanes, i);
        }
        for (int i = 0; i < x.length; i++) {
            float scalar = VectorMath.exp(x[i]);
            assertEquals(Float.floatToRawIntBits(scalar), Float.floatToRawIntBits(lanes[i]), "lane of " + x[i]);
            double exact = Math.exp(x[i]);
            if (Float.isNaN(x[i])) {
                assertTrue(Float.isNaN(scalar));
            } else if (x[i] < -87.3f) {
                assertEquals(0f, scalar, "e^" + x[i]);
            } else if (x[i] > 88.3f) {
                assertEquals(Float.POSITIVE_INFINITY, scalar, "e^" + x[i]);
            } else {
                assertEquals(exact, scalar, 3 * Math.ulp((float) exact), "e^" + x[i]);
            }
        }
    }

    @Property(tries = 100)
    void geluIsXTimesTheSigmoidOf1702X(@ForAll @IntRange(min = 1, max = 70) int length, @ForAll long seed) {
        float[] x = random(new SplittableRandom(seed), length, 8);
        float[] y = x.clone();
        VectorMath.gelu(y);
        for (int i = 0; i < length; i++) {
            assertClose(x[i] / (1 + Math.exp(-1.702 * x[i])), y[i], "entry " + i);
        }
    }

    @Property(tries = 100)
    void layerNormStandardisesEachRowThenScalesAndShifts(@ForAll @IntRange(min = 1, max = 5) int n,
                                                         @ForAll @IntRange(min = 2, max = 70) int d,
                                                         @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = random(random, n * d, 3);
        float[] gain = random(random, d, 2);
        float[] bias = random(random, d, 1);
        float[] out = VectorMath.layerNorm(x, n, d, gain, bias);
        for (int r = 0; r < n; r++) {
            double mean = 0;
            for (int i = 0; i < d; i++) {
                mean += x[r * d + i];
            }
            mean /= d;
            double variance = 0;
            for (int i = 0; i < d; i++) {
                variance += (x[r * d + i] - mean) * (x[r * d + i] - mean);
            }
            double deviation = Math.sqrt(variance / d);
            for (int i = 0; i < d; i++) {
                // a standardised entry can reach sqrt(d), and float sums lose a few ulps of it
                assertEquals((x[r * d + i] - mean) / deviation * gain[i] + bias[i], out[r * d + i],
                        1e-4 * Math.max(1, Math.abs(gain[i]) * Math.sqrt(d)), "row " + r + " entry " + i);
            }
        }
    }

    @Property(tries = 100)
    void attentionIsTheSoftmaxWeightedMixOfTheValuesOfTheKeysSeen(@ForAll @IntRange(min = 1, max = 40) int headWidth,
                                                                  @ForAll @IntRange(min = 1, max = 40) int seen,
                                                                  @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int stride = VectorMath.padded(seen + random.nextInt(20));
        int from = 3;
        float[] query = random(random, headWidth + 2, 1);
        float[] keys = random(random, from + headWidth * stride, 1);
        int rowStride = headWidth + 5;
        float[] values = random(random, 7 + seen * rowStride, 1);
        float[] weights = new float[stride];
        VectorMath.scores(query, 2, headWidth, keys, from, stride, seen, weights);
        double[] expectedScores = new double[seen];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < seen; k++) {
            for (int i = 0; i < headWidth; i++) {
                expectedScores[k] += (double) query[2 + i] * keys[from + i * stride + k];
            }
            assertClose(expectedScores[k], weights[k], "score " + k);
            max = Math.max(max, expectedScores[k]);
        }
        float total = VectorMath.softmaxInPlace(weights, seen);
        double expectedTotal = 0;
        for (int k = 0; k < seen; k++) {
            expectedTotal += Math.exp(expectedScores[k] - max);
        }
        assertClose(expectedTotal, total, "total");
        for (int k = seen; k < VectorMath.padded(seen); k++) {
            assertEquals(0, weights[k], "a key not seen has no weight");
        }
        float[] out = new float[headWidth + 4];
        VectorMath.mix(weights, seen, total, values, 7, rowStride, headWidth, out, 4);
        for (int i = 0; i < headWidth; i++) {
            double mixed = 0;
            for (int k = 0; k < seen; k++) {
                mixed += Math.exp(expectedScores[k] - max) / expectedTotal * values[7 + k * rowStride + i];
            }
            assertClose(mixed, out[4 + i], "entry " + i);
        }
    }

    @Test
    void aRowWhoseMeanIsExactlyZeroIsStandardisedByItsVariance() {
        int d = 37;
        float[] x = new float[d];
        for (int i = 0; i + 1 < d; i += 2) {
            x[i] = i + 1;
            x[i + 1] = -(i + 1);
        }
        float[] ones = new float[d];
        java.util.Arrays.fill(ones, 1);
        float[] out = VectorMath.layerNorm(x, 1, d, ones, new float[d]);
        double variance = 0;
        for (float v : x) {
            variance += (double) v * v;
        }
        double deviation = Math.sqrt(variance / d);
        for (int i = 0; i < d; i++) {
            assertEquals(x[i] / deviation, out[i], 1e-5, "entry " + i);
        }
    }

    @Test
    void paddingRoundsUpToWholeVectors() {
        int lanes = VectorMath.padded(1);
        assertTrue(lanes >= 1);
        assertEquals(lanes, VectorMath.padded(lanes));
        assertEquals(2 * lanes, VectorMath.padded(lanes + 1));
    }
}
