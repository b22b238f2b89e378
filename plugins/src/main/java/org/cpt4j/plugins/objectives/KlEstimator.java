package org.cpt4j.plugins.objectives;

/**
 * Per-token estimators of {@code KL(π_θ ‖ π_ref)} from the sampled token's log-probabilities {@code s} (policy)
 * and {@code r} (reference) (J. Schulman, "Approximating KL divergence", 2020; verl {@code kl_penalty}).
 */
public enum KlEstimator {
    /** {@code s − r} (verl {@code kl}/{@code k1}). */
    K1,
    /** {@code ½ (s − r)²} (verl {@code mse}/{@code k2}). */
    K2,
    /**
     * {@code exp(r − s) − (r − s) − 1} with {@code r − s} clamped to ±20 and the result to ±10 (verl
     * {@code low_var_kl}/{@code k3}; TRL's {@code beta} term, unclamped).
     */
    K3;

    /** Clamp of {@code r − s} in {@link #K3}. */
    static final double LOG_RATIO_LIMIT = 20;
    /** Clamp of the {@link #K3} value. */
    static final double VALUE_LIMIT = 10;

    /** @return the estimate for one token, in double precision */
    public double estimate(double policyLogProb, double referenceLogProb) {
        double difference = policyLogProb - referenceLogProb;
        return switch (this) {
            case K1 -> difference;
            case K2 -> 0.5 * difference * difference;
            case K3 -> {
                double logRatio = Math.max(-LOG_RATIO_LIMIT, Math.min(LOG_RATIO_LIMIT, -difference));
                yield Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, Math.exp(logRatio) - logRatio - 1));
            }
        };
    }
}
