package org.cpt4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;

class OptimizerConfigTest {

    @Property
    void learningRateRisesDuringWarmupThenNeverRisesAgain(@ForAll @IntRange(min = 1, max = 50) int warmup,
                                                          @ForAll @IntRange(min = 1, max = 200) int decay,
                                                          @ForAll @DoubleRange(min = 0, max = 1) double floor) {
        OptimizerConfig config = OptimizerConfig.of(o -> o.learningRate(0.01).warmupSteps(warmup)
                .totalSteps(warmup + decay).minLearningRateRatio(floor));
        for (int s = 1; s < warmup; s++) {
            assertTrue(config.learningRateAt(s) > config.learningRateAt(s - 1));
        }
        assertEquals(0.01, config.learningRateAt(warmup - 1), 1e-15, "warmup ends at the peak");
        assertEquals(0.01, config.learningRateAt(warmup), 1e-15, "decay starts at the peak");
        for (int s = warmup + 1; s < warmup + decay + 10; s++) {
            assertTrue(config.learningRateAt(s) <= config.learningRateAt(s - 1) + 1e-18);
            assertTrue(config.learningRateAt(s) >= 0.01 * floor - 1e-15);
        }
        assertEquals(0.01 * floor, config.learningRateAt(warmup + decay + 5), 1e-15, "stays at the floor");
    }

    /** Linear warmup, then half a cosine from the peak to the floor: values on paper for lr 0.01, floor 0.1. */
    @Test
    void theScheduleAtSomeSteps() {
        OptimizerConfig config = OptimizerConfig.of(o -> o.learningRate(0.01).warmupSteps(4).totalSteps(104)
                .minLearningRateRatio(0.1));
        assertEquals(0.0025, config.learningRateAt(0), 1e-15, "first warmup step: lr·1/4");
        assertEquals(0.005, config.learningRateAt(1), 1e-15);
        assertEquals(0.01, config.learningRateAt(4), 1e-15, "decay starts at the peak");
        assertEquals(0.0055, config.learningRateAt(54), 1e-15, "halfway: floor + (peak − floor)/2 = 0.001 + 0.0045");
        assertEquals(0.001 + 0.009 * 0.5 * (1 + Math.cos(Math.PI / 4)), config.learningRateAt(29), 1e-15,
                "a quarter of the way");
        assertEquals(0.001, config.learningRateAt(104), 1e-15, "the floor at the end");
    }

    @Property
    void withoutTotalStepsTheRateStaysAtThePeak(@ForAll @IntRange(min = 0, max = 10_000) int step) {
        assertEquals(3e-4, OptimizerConfig.of(o -> o.learningRate(3e-4)).learningRateAt(step), 0);
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> OptimizerConfig.of(o -> o.learningRate(-1).betas(1.5, 0.9).warmupSteps(10).totalSteps(5)));
        assertEquals(3, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains("optimizer.learningRate: must be positive"));
        assertTrue(error.getMessage().contains("optimizer.beta1: must be within [0, 1), was 1.5"));
        assertTrue(error.getMessage().contains("optimizer.totalSteps: must exceed warmupSteps (10)"));
    }
}
