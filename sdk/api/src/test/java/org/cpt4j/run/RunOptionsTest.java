package org.cpt4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void theThreadCountComesFromCpt4jThreadsThenOpenMpThenHalfTheCores() {
        assertEquals(3, RunOptions.defaultThreads(Map.of("CPT4J_THREADS", "3", "OMP_NUM_THREADS", "5"), 16));
        assertEquals(5, RunOptions.defaultThreads(Map.of("OMP_NUM_THREADS", " 5 "), 16));
        assertEquals(8, RunOptions.defaultThreads(Map.of(), 16));
        assertEquals(1, RunOptions.defaultThreads(Map.of("CPT4J_THREADS", ""), 1), "at least one, blank is unset");
    }

    @Test
    void aThreadCountThatIsNotAPositiveIntegerIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunOptions.defaultThreads(Map.of("OMP_NUM_THREADS", "two"), 4));
        assertEquals("OMP_NUM_THREADS must be a positive integer, was 'two'", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunOptions.defaultThreads(Map.of("CPT4J_THREADS", "0"), 4));
    }
}
