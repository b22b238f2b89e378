package org.cpt4j.internal.model;

import java.util.Map;

/**
 * What one training step did.
 *
 * @param step 0-based index of the step (the optimizer's step count before it)
 * @param loss masked token-mean loss before the update
 * @param gradientNorm global L2 norm of the gradient before clipping
 * @param learningRate learning rate the update used
 * @param skipped true when the gradient was not finite and no update was applied
 * @param tokens masked-in tokens the loss averaged over
 * @param diagnostics the objective's diagnostics at this step, by metric name
 */
public record TrainingStep(long step, double loss, double gradientNorm, double learningRate, boolean skipped, long tokens,
                           Map<String, Double> diagnostics) {

    public TrainingStep {
        diagnostics = Map.copyOf(diagnostics);
    }
}
