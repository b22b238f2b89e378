package org.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.drift.DriftMetric;

/**
 * The laws every {@link DriftMetric} obeys: zero between identical policies, not zero once the policy moved, finite
 * and deterministic. The metric
 * is measured as the engine measures it, through {@link DriftMetric#measure(org.cpt4j.drift.PolicyComparison)},
 * on a {@link FixtureComparison}.
 */
public abstract class DriftMetricContract {

    /** @return the drift metric under test */
    protected abstract DriftMetric driftMetric();

    @Property(tries = 50)
    void everyMeasurementIsZeroBetweenIdenticalPolicies(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> measured = driftMetric().measure(FixtureComparison.identical(
                FixtureParameters.random(random), random));
        assertFalse(measured.isEmpty(), "a drift metric reports at least one measurement");
        measured.forEach((name, value) -> assertEquals(0.0, value, 1e-12, name));
    }

    @Property(tries = 50)
    void measurementsAreFiniteAndDeterministic(@ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 2) double scale,
                                               @ForAll @IntRange(min = 1, max = 10) int density) {
        SplittableRandom random = new SplittableRandom(seed);
        FixtureParameters reference = FixtureParameters.random(random);
        FixtureComparison policies = FixtureComparison.drifted(reference, reference.drifted(random, scale, density),
                random, 0.5);
        Map<String, Double> measured = driftMetric().measure(policies);
        measured.forEach((name, value) -> assertTrue(Double.isFinite(value), name + " = " + value));
        assertEquals(measured, driftMetric().measure(policies));
    }

    @Property(tries = 50)
    void someMeasurementMovesWhenThePolicyMoved(@ForAll long seed, @ForAll @DoubleRange(min = 0.1, max = 2) double scale,
                                                @ForAll @IntRange(min = 1, max = 10) int density) {
        SplittableRandom random = new SplittableRandom(seed);
        FixtureParameters reference = FixtureParameters.random(random);
        Map<String, Double> measured = driftMetric().measure(FixtureComparison.drifted(reference,
                reference.drifted(random, scale, density), random, 0.5));
        assertTrue(measured.values().stream().anyMatch(value -> value != 0), "every measurement is 0 for a policy "
                + "that moved by " + scale + ": " + measured);
    }
}
