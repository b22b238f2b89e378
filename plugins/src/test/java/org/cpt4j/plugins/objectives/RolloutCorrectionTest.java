package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cpt4j.objective.DoubleMath;
import org.cpt4j.objective.DoubleTensor;
import org.junit.jupiter.api.Test;

/**
 * verl's rollout-correction weights ({@code verl/trainer/ppo/rollout_corr_helper.py} at b178a3c,
 * {@code compute_rollout_correction_weights} 530-566; identical in lasgroup/SDPO at 0e6d510): {@code λ = old − rollout},
 * token level {@code exp(clamp(λ, ±20))}, sequence level {@code exp(clamp(Σ_t m·λ, ±20))}, times the mask, truncated
 * above at the threshold.
 */
class RolloutCorrectionTest {

    private static final double[][] MASK = {{1, 1, 0}, {1, 0, 0}};
    /** Log-ratios λ: row 0 has ln 1.5 and ln 4 (over the threshold 2), row 1 has −25 (beyond the safety bound). */
    private static final double[][] OLD = {{Math.log(1.5), Math.log(4), 7}, {-25, 0, 0}};
    private static final double[][] ROLLOUT = new double[2][3];

    private static double[][] weights(RolloutCorrection level) {
        DoubleMath m = new DoubleMath(3);
        return level.weights(m, DoubleTensor.of(OLD), DoubleTensor.of(ROLLOUT), DoubleTensor.of(MASK), 2).values();
    }

    @Test
    void tokenWeightsAreEachTokensRatioTruncatedAboveAndZeroOffTheMask() {
        // min(1.5, 2), min(4, 2), masked; exp(−20) (the log-ratio clamped at −20), masked, masked
        assertArrayEquals(new double[] {1.5, 2, 0}, weights(RolloutCorrection.TOKEN)[0], 1e-15);
        assertArrayEquals(new double[] {Math.exp(-20), 0, 0}, weights(RolloutCorrection.TOKEN)[1], 1e-24);
    }

    @Test
    void sequenceWeightsShareTheExponentialOfTheSummedLogRatio() {
        // row 0: exp(ln 1.5 + ln 4) = 6, truncated to 2, on both response tokens; row 1: exp(−20)
        assertArrayEquals(new double[] {2, 2, 0}, weights(RolloutCorrection.SEQUENCE)[0], 1e-15);
        assertArrayEquals(new double[] {Math.exp(-20), 0, 0}, weights(RolloutCorrection.SEQUENCE)[1], 1e-24);
    }
}
