package org.cpt4j.plugins.objectives;

import org.cpt4j.objective.DoubleMath;
import org.cpt4j.objective.DoubleTensor;
import org.cpt4j.objective.TensorMath;

/**
 * Per-token estimators of {@code KL(π_θ ‖ π_ref)} from the sampled token's log-probabilities {@code s} (policy)
 * and {@code r} (reference) (J. Schulman, "Approximating KL divergence", 2020; verl {@code kl_penalty}), before
 * the clamp of a {@link KlClamp} convention.
 */
public enum KlEstimator {
    /** {@code s − r} (verl {@code kl}/{@code k1}). */
    K1,
    /** {@code ½ (s − r)²} (verl {@code mse}/{@code k2}). */
    K2,
    /** {@code exp(r − s) − (r − s) − 1} (verl {@code low_var_kl}/{@code k3}; TRL's {@code beta} term). */
    K3,
    /** {@code |s − r|} (verl {@code abs}). */
    ABS;

    /** @return the estimate at every token, clamped as {@code clamp} says */
    public <T> T estimate(TensorMath<T> math, T policyLogProbs, T referenceLogProbs, KlClamp clamp) {
        T difference = math.sub(policyLogProbs, referenceLogProbs);
        return switch (this) {
            case K1 -> clamp.value(math, this, difference);
            case ABS -> clamp.value(math, this, math.abs(difference));
            case K2 -> clamp.value(math, this, math.mul(math.mul(difference, difference), 0.5));
            case K3 -> {
                T logRatio = clamp.logRatio(math, this, math.neg(difference));
                yield clamp.value(math, this, math.add(math.sub(math.exp(logRatio), logRatio), -1.0));
            }
        };
    }

    /** @return the estimate for one token, in double precision */
    public double estimate(double policyLogProb, double referenceLogProb, KlClamp clamp) {
        return estimate(new DoubleMath(1), DoubleTensor.scalar(policyLogProb), DoubleTensor.scalar(referenceLogProb),
                clamp).scalar();
    }
}
