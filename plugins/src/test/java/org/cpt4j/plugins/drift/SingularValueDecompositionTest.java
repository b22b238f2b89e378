package org.cpt4j.plugins.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SingularValueDecompositionTest {

    @Property(tries = 60)
    void theFactorsRebuildTheMatrixAndAreOrthonormalWithDescendingValues(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int rows, @ForAll @IntRange(min = 1, max = 12) int columns) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[rows * columns];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
        }
        SingularValueDecomposition svd = SingularValueDecomposition.of(a, rows, columns);
        int r = Math.min(rows, columns);
        assertEquals(r, svd.singularValues().length);
        for (int k = 1; k < r; k++) {
            assertTrue(svd.singularValues()[k - 1] >= svd.singularValues()[k], "descending");
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double rebuilt = 0;
                for (int k = 0; k < r; k++) {
                    rebuilt += svd.u()[i][k] * svd.singularValues()[k] * svd.v()[j][k];
                }
                assertEquals(a[i * columns + j], rebuilt, 1e-10);
            }
        }
        assertOrthonormalColumns(svd.u(), r);
        assertOrthonormalColumns(svd.v(), r);
    }

    private static void assertOrthonormalColumns(double[][] m, int r) {
        for (int p = 0; p < r; p++) {
            for (int q = 0; q < r; q++) {
                double dot = 0;
                for (double[] row : m) {
                    dot += row[p] * row[q];
                }
                assertEquals(p == q ? 1 : 0, dot, 1e-10);
            }
        }
    }
}
