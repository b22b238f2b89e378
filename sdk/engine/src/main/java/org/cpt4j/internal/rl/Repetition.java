package org.cpt4j.internal.rl;

import java.util.HashMap;
import java.util.Map;

/** Whether a response loops: some run of {@value #N} tokens occurs at least {@value #TIMES} times in it. */
final class Repetition {

    static final int N = 3;
    static final int TIMES = 3;

    private Repetition() {
    }

    /** @return whether some {@value #N}-gram of {@code tokens} occurs at least {@value #TIMES} times */
    static boolean loops(int[] tokens) {
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i + N <= tokens.length; i++) {
            long key = 0;
            for (int j = 0; j < N; j++) {
                key = key * 1_000_003L + tokens[i + j];
            }
            if (counts.merge(key, 1, Integer::sum) >= TIMES) {
                return true;
            }
        }
        return false;
    }
}
