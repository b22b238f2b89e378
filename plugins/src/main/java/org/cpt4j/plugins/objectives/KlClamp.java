package org.cpt4j.plugins.objectives;

import org.cpt4j.objective.TensorMath;

/** Which library's clamps a {@link KlEstimator} follows; they differ only where the log-ratio is large. */
public enum KlClamp {
    /**
     * verl {@code kl_penalty}: only {@link KlEstimator#K3} is clamped, its log-ratio {@code r − s} to ±20 and its value
     * to ±10; k1, abs and k2 are not.
     */
    VERL,
    /** OpenRLHF {@code compute_approx_kl}: every estimator's value is clamped to ±10; the log-ratio is not. */
    OPENRLHF,
    /** TRL: nothing is clamped. */
    NONE;

    /** verl's clamp of k3's log-ratio {@code r − s}. */
    static final double LOG_RATIO_LIMIT = 20;
    /** verl's clamp of k3's value, and OpenRLHF's of every estimator's. */
    static final double VALUE_LIMIT = 10;

    <T> T logRatio(TensorMath<T> math, KlEstimator estimator, T logRatio) {
        return this == VERL && estimator == KlEstimator.K3 ? math.clamp(logRatio, -LOG_RATIO_LIMIT, LOG_RATIO_LIMIT)
                : logRatio;
    }

    <T> T value(TensorMath<T> math, KlEstimator estimator, T value) {
        boolean clamped = this == OPENRLHF || this == VERL && estimator == KlEstimator.K3;
        return clamped ? math.clamp(value, -VALUE_LIMIT, VALUE_LIMIT) : value;
    }
}
