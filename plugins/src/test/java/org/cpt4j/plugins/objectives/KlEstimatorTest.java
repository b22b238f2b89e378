package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class KlEstimatorTest {

    @Property(tries = 500)
    void k2AndK3AreNonNegative(@ForAll @DoubleRange(min = -30, max = 0) double policy,
                               @ForAll @DoubleRange(min = -30, max = 0) double reference) {
        assertTrue(KlEstimator.K2.estimate(policy, reference) >= 0);
        assertTrue(KlEstimator.K3.estimate(policy, reference) >= 0);
    }

    @Property(tries = 200)
    void everyEstimatorIsZeroWhenThePoliciesAgree(@ForAll @DoubleRange(min = -30, max = 0) double logProb) {
        for (KlEstimator estimator : KlEstimator.values()) {
            assertEquals(0.0, estimator.estimate(logProb, logProb), 1e-12, estimator.name());
        }
    }

    @Property(tries = 200)
    void k3IsTheUnbiasedLowVarianceEstimatorClampedAtTen(@ForAll @DoubleRange(min = -4, max = 0) double policy,
                                                         @ForAll @DoubleRange(min = -4, max = 0) double reference) {
        double logRatio = reference - policy;
        assertEquals(Math.min(10, Math.exp(logRatio) - logRatio - 1), KlEstimator.K3.estimate(policy, reference), 1e-12);
    }
}
