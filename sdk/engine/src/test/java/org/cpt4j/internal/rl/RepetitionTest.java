package org.cpt4j.internal.rl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepetitionTest {

    @Test
    void aTrigramThreeTimesIsALoopTwiceIsNot() {
        assertTrue(Repetition.loops(new int[] {7, 8, 9, 7, 8, 9, 7, 8, 9}));
        assertTrue(Repetition.loops(new int[] {4, 4, 4, 4, 4}), "one token repeated five times holds 4,4,4 three times");
        assertFalse(Repetition.loops(new int[] {7, 8, 9, 7, 8, 9}));
        assertFalse(Repetition.loops(new int[] {4, 4, 4, 4}));
        assertFalse(Repetition.loops(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        assertFalse(Repetition.loops(new int[] {}));
    }
}
