package org.cpt4j.collapse;

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
 */
public record StepSignals(long step, double rewardMean, double entropy, double formatValid, double meanLength,
                          double truncatedFraction, boolean finite) {
}
