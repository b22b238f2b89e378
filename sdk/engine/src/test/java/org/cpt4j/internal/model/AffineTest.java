package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The Vector API's products are the plain loops' to the bit, at every shape, and the tests run the fast one. */
class AffineTest {

    /** The product entry by entry, as {@link Affine#entry} defines it. */
    private static float[] plain(float[] in, int n, int k, float[] w, int m, float[] bias) {
        float[] out = new float[n * m];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < m; j++) {
                out[r * m + j] = Affine.entry(in, r, k, w, m, bias, j);
            }
        }
        return out;
    }

    private static float[] random(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    @Property(tries = 200)
    void theVectorisedProductIsThePlainOneBitForBit(@ForAll @IntRange(min = 1, max = 9) int n,
                                                    @ForAll @IntRange(min = 1, max = 70) int k,
                                                    @ForAll @IntRange(min = 1, max = 70) int m,
                                                    @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] in = random(random, n * k);
        float[] w = random(random, k * m);
        float[] bias = random(random, m);
        assertArrayEquals(plain(in, n, k, w, m, bias), VectorAffine.apply(in, n, k, w, m, bias));
        assertArrayEquals(plain(in, n, k, w, m, null), VectorAffine.apply(in, n, k, w, m, null));
    }

    @Test
    void theProductIsTheMatrixProductPlusBias() {
        float[] in = {1, 2, 3, 4};
        float[] w = {1, 0, 2, 0, 1, -1};
        float[] bias = {0.5f, 0, -1};
        assertArrayEquals(new float[] {1.5f, 2, -1, 3.5f, 4, 1}, VectorAffine.apply(in, 2, 2, w, 3, bias));
    }

    @Test
    void theTestsRunTheVectorisedPath() {
        assertTrue(Affine.VECTORISED, "surefire's argLine adds jdk.incubator.vector, as the launcher does");
        assertEquals(Affine.VECTORISED, ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    }
}
