package org.cpt4j.experiment;

import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.sampling.SamplingConfig;

/**
 * How each arm is post-trained: rollouts per step, sampling and the optimizer (evaluation is
 * {@link ExperimentSpec#evaluation()}).
 *
 * @param promptsPerStep tasks per on-policy step
 * @param groupSize responses sampled per task
 * @param sampling how responses are sampled
 * @param optimizer AdamW and its schedule for post-training
 */
public record TrainingSpec(int promptsPerStep, int groupSize, SamplingConfig sampling, OptimizerConfig optimizer) {
}
