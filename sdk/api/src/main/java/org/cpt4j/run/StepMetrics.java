package org.cpt4j.run;

import java.util.Map;

/**
 * What one on-policy step measured.
 *
 * @param step 0-based step
 * @param rewardMean mean total reward of the step's rollouts
 * @param rewardStd standard deviation of the rewards (population)
 * @param rewardComponents mean of each reward component
 * @param accuracy fraction of rollouts the verifier judged correct
 * @param formatValid fraction of rollouts with well-formed answer tags
 * @param loss the objective's loss at the first epoch
 * @param diagnostics the objective's diagnostics: its graph's at the first epoch (clip fraction, KL, divergence,
 *     ...) and its own counts of the step's rollouts ({@code Objective.stepDiagnostics}: SDPO's teacher-context
 *     and feedback fractions, for instance)
 * @param entropy mean entropy of the sampling policy over response tokens
 * @param referenceKl mean {@code log π_old − log π_ref} over response tokens (k1 estimate of the KL to the
 *     reference, the policy when post-training started)
 * @param gradientNorm gradient norm before clipping, first epoch
 * @param skippedUpdates epochs whose update was skipped (non-finite gradient)
 * @param meanLength mean generated tokens per rollout
 * @param truncatedFraction fraction of rollouts that hit the length limit
 * @param repetition fraction of rollouts that loop: some 3 tokens in a row occur 3 times in the response
 * @param samplingMs time to sample the rollouts
 * @param scoringMs time to score them with the reference and the teacher
 * @param trainingMs time of the optimizer steps
 */
public record StepMetrics(long step, double rewardMean, double rewardStd, Map<String, Double> rewardComponents,
                          double accuracy, double formatValid, double loss, Map<String, Double> diagnostics,
                          double entropy, double referenceKl, double gradientNorm, int skippedUpdates,
                          double meanLength, double truncatedFraction, double repetition, double samplingMs,
                          double scoringMs, double trainingMs) {

    public StepMetrics {
        rewardComponents = Map.copyOf(rewardComponents);
        diagnostics = Map.copyOf(diagnostics);
    }
}
