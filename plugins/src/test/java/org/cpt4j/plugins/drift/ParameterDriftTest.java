package org.cpt4j.plugins.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.testing.DriftMetricContract;
import org.cpt4j.testing.FixtureParameters;
import org.junit.jupiter.api.Test;

class ParameterDriftTest extends DriftMetricContract {

    @Override
    protected DriftMetric driftMetric() {
        return new ParameterDrift();
    }

    @Test
    void aSparseUpdateIsMeasuredAsSparse() {
        SplittableRandom random = new SplittableRandom(3);
        FixtureParameters base = FixtureParameters.random(random);
        Map<String, Double> measured = new ParameterDrift().measure(base, base.drifted(random, 0.1, 4));
        assertEquals(0.25, measured.get("changed_fraction"), 0.08);
        assertTrue(measured.get("relative_norm") > 0 && measured.get("relative_norm") < 0.2, measured.toString());
    }
}
