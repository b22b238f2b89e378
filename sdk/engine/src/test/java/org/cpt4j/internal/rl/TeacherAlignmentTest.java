package org.cpt4j.internal.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeacherAlignmentTest {

    /** A distribution that names where it came from: {@code {row, position}}. */
    private static double[] mark(int row, int position) {
        return new double[] {row, position};
    }

    /**
     * Two taught rows of three (row 1 has no teacher): row 0 has a 3-token prompt and a 2-token response, its teacher
     * sequence 7 tokens; row 2 a 5-token prompt and a 3-token response, its teacher sequence 9 tokens.
     */
    @Test
    void teacherPositionsMapOntoTheStudentsResponsePositions() {
        double[][][] scored = new double[2][][];
        scored[0] = new double[7][];
        scored[1] = new double[9][];
        for (int k = 0; k < 2; k++) {
            for (int t = 0; t < scored[k].length; t++) {
                scored[k][t] = mark(k, t);
            }
        }
        double[] fill = {-1, -1};
        int[] studentStarts = {2, 1, 4}; // prompt length − 1
        int[] responseLengths = {2, 4, 3};
        double[][][] aligned = TeacherAlignment.align(scored, new int[] {7, 9}, List.of(0, 2), studentStarts,
                responseLengths, 8, fill);
        // row 0: response tokens predicted at student positions 2, 3 and teacher positions 7 − 2 − 1 = 4, 5
        assertArrayEquals(mark(0, 4), aligned[0][2]);
        assertArrayEquals(mark(0, 5), aligned[0][3]);
        // row 2: student positions 4, 5, 6 and teacher positions 9 − 3 − 1 = 5, 6, 7
        assertArrayEquals(mark(1, 5), aligned[2][4]);
        assertArrayEquals(mark(1, 6), aligned[2][5]);
        assertArrayEquals(mark(1, 7), aligned[2][6]);
        for (int[] untouched : new int[][] {{0, 0}, {0, 1}, {0, 4}, {0, 7}, {2, 3}, {2, 7}}) {
            assertSame(fill, aligned[untouched[0]][untouched[1]], "outside the response: row " + untouched[0]
                    + " position " + untouched[1]);
        }
        for (double[] position : aligned[1]) {
            assertSame(fill, position, "an untaught row keeps the fill everywhere");
        }
    }
}
