package org.cpt4j.collapse;

import java.util.Map;

/**
 * What a collapse detector sees of one on-policy step.
 *
 * @param step 0-based step over the whole run
 * @param rewardMean mean reward of the step's rollouts
 * @param entropy mean entropy of the sampling policy over response tokens
 * @param formatValid fraction of rollouts with well-formed answer tags
 * @param meanLength mean generated tokens per rollout
 * @param truncatedFraction fraction of rollouts that hit the length limit
 * @param finite whether the loss and the gradient were finite (the update was applied)
 * @param repetition fraction of rollouts that loop (some 3 tokens in a row occur 3 times in the response)
 * @param diagnostics the objective's diagnostics of the step (e.g. SDPO's teacher-student {@code divergence})
 */
public record StepSignals(long step, double rewardMean, double entropy, double formatValid, double meanLength,
                          double truncatedFraction, boolean finite, double repetition, Map<String, Double> diagnostics) {

    public StepSignals {
        diagnostics = Map.copyOf(diagnostics);
    }

    /** Signals without repetition (0) or diagnostics (none), as detectors written before them see a step. */
    public StepSignals(long step, double rewardMean, double entropy, double formatValid, double meanLength,
                       double truncatedFraction, boolean finite) {
        this(step, rewardMean, entropy, formatValid, meanLength, truncatedFraction, finite, 0, Map.of());
    }
}
