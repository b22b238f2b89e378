package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class KlEstimatorTest {

    @Property(tries = 500)
    void k2AndK3AreNonNegative(@ForAll @DoubleRange(min = -30, max = 0) double policy,
                               @ForAll @DoubleRange(min = -30, max = 0) double reference) {
        assertTrue(KlEstimator.K2.estimate(policy, reference, KlClamp.VERL) >= 0);
        assertTrue(KlEstimator.K3.estimate(policy, reference, KlClamp.VERL) >= 0);
    }

    @Property(tries = 200)
    void everyEstimatorIsZeroWhenThePoliciesAgree(@ForAll @DoubleRange(min = -30, max = 0) double logProb) {
        for (KlEstimator estimator : KlEstimator.values()) {
            assertEquals(0.0, estimator.estimate(logProb, logProb, KlClamp.VERL), 1e-12, estimator.name());
        }
    }

    /**
     * Schulman's estimators are unbiased (k1, k3) or low-bias (k2) for {@code KL(π ‖ π_ref)} when the token is
     * drawn from π: averaged over a whole distribution weighted by π they give the exact KL (k1, k3) and, for k2,
     * half the second moment of the log-ratio. Checked on a two-token distribution, away from the clamps.
     */
    @Property(tries = 200)
    void theExpectationUnderThePolicyIsTheKl(@ForAll @DoubleRange(min = 0.2, max = 0.8) double p,
                                             @ForAll @DoubleRange(min = 0.2, max = 0.8) double q) {
        double[] policy = {Math.log(p), Math.log(1 - p)};
        double[] reference = {Math.log(q), Math.log(1 - q)};
        double kl = p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
        double secondMoment = p * Math.pow(Math.log(p / q), 2) + (1 - p) * Math.pow(Math.log((1 - p) / (1 - q)), 2);
        assertEquals(kl, expectation(KlEstimator.K1, policy, reference), 1e-12, "k1");
        assertEquals(kl, expectation(KlEstimator.K3, policy, reference), 1e-12, "k3");
        assertEquals(secondMoment / 2, expectation(KlEstimator.K2, policy, reference), 1e-12, "k2");
    }

    private static double expectation(KlEstimator estimator, double[] policy, double[] reference) {
        double sum = 0;
        for (int token = 0; token < policy.length; token++) {
            sum += Math.exp(policy[token]) * estimator.estimate(policy[token], reference[token], KlClamp.VERL);
        }
        return sum;
    }

    @Test
    void eachEstimatorAtOnePoint() {
        // policy log-prob −1, reference −2: the policy is more likely than the reference by a log-ratio of 1
        assertEquals(1.0, KlEstimator.K1.estimate(-1, -2, KlClamp.VERL), 1e-15);
        assertEquals(0.5, KlEstimator.K2.estimate(-1, -2, KlClamp.VERL), 1e-15);
        assertEquals(Math.exp(-1) - (-1) - 1, KlEstimator.K3.estimate(-1, -2, KlClamp.VERL), 1e-15);
        assertEquals(-1.0, KlEstimator.K1.estimate(-2, -1, KlClamp.VERL), 1e-15, "k1 is signed");
        assertEquals(Math.E - 2, KlEstimator.K3.estimate(-2, -1, KlClamp.VERL), 1e-15);
    }

    @Test
    void k3ClampsTheValueAtTen() {
        // r − s = 3: e^3 − 4 ≈ 16.1 is clamped to 10; r − s = −12: e^−12 + 11 is clamped too
        assertEquals(10.0, KlEstimator.K3.estimate(-4, -1, KlClamp.VERL), 1e-15);
        assertEquals(10.0, KlEstimator.K3.estimate(0, -12, KlClamp.VERL), 1e-15);
        // just inside the clamp the formula stands: r − s = −8 gives e^−8 + 7
        assertEquals(Math.exp(-8) + 7, KlEstimator.K3.estimate(0, -8, KlClamp.VERL), 1e-12);
    }

    /**
     * Any log-ratio beyond about ±11 already meets the value clamp, so the ±20 clamp of the log-ratio shows only
     * where the formula would give {@code ∞ − ∞}: a token the policy cannot produce (log-prob −∞).
     */
    @Test
    void k3StaysFiniteForAnImpossibleToken() {
        assertEquals(10.0, KlEstimator.K3.estimate(Double.NEGATIVE_INFINITY, 0, KlClamp.VERL), 1e-15);
        assertEquals(10.0, KlEstimator.K3.estimate(0, Double.NEGATIVE_INFINITY, KlClamp.VERL), 1e-15);
    }
}
