package org.cpt4j.plugins.objectives;

import org.cpt4j.objective.StandardInputs;
import org.cpt4j.objective.TensorMath;

/**
 * verl's rollout correction ({@code algorithm.rollout_correction.rollout_is}, {@code rollout_corr_helper.py}
 * {@code compute_rollout_correction_weights}): truncated importance weights between the training forward pass's
 * log-probabilities {@code s_old} ({@link StandardInputs#OLD_LOG_PROBS}) and the sampler's {@code s_roll}
 * ({@link StandardInputs#ROLLOUT_LOG_PROBS}), multiplied into each token's policy or distillation loss, without
 * gradient. With {@code λ = s_old − s_roll} and the threshold {@code C}:
 *
 * <pre>
 * TOKEN:     w = min(exp(clamp(λ, ±20)) · m, C)
 * SEQUENCE:  w = min(exp(clamp(Σ_t m·λ, ±20)) · m, C)     one weight per response
 * </pre>
 * cpt4j's sampler (the Java KV-cache decoder) and its trainer (the SameDiff graph) round differently, as vLLM and FSDP
 * do: this corrects for that.
 */
public enum RolloutCorrection {
    /** No weights (verl {@code rollout_is: null}, the default). */
    NONE,
    /** One weight per token (verl {@code "token"}). */
    TOKEN,
    /** One weight per response, from the sum of its tokens' log-ratios (verl {@code "sequence"}). */
    SEQUENCE;

    /** verl's {@code SAFETY_BOUND} on the log-ratio. */
    static final double LOG_RATIO_LIMIT = 20;

    /**
     * @param oldLogProbs the training forward pass's log-probabilities {@code [B, L]}
     * @param rolloutLogProbs the sampler's {@code [B, L]}
     * @param mask 1 on response tokens {@code [B, L]}
     * @param threshold the truncation {@code C} (verl {@code rollout_is_threshold})
     * @return the weights {@code [B, L]}, detached
     */
    public <T> T weights(TensorMath<T> m, T oldLogProbs, T rolloutLogProbs, T mask, double threshold) {
        T logRatio = m.sub(oldLogProbs, rolloutLogProbs);
        T level = switch (this) {
            case NONE -> throw new IllegalStateException("no rollout correction");
            case TOKEN -> logRatio;
            case SEQUENCE -> m.sumPositions(m.mul(logRatio, mask));
        };
        T weights = m.mul(m.exp(m.clamp(level, -LOG_RATIO_LIMIT, LOG_RATIO_LIMIT)), mask);
        return m.stopGradient(m.min(weights, m.constant(threshold)));
    }
}
