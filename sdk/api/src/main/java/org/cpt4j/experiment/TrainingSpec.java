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

    /** Tasks per step unless a spec says otherwise. */
    public static final int DEFAULT_PROMPTS_PER_STEP = 8;
    /** Responses per task unless a spec says otherwise. */
    public static final int DEFAULT_GROUP_SIZE = 8;
    /** The most tasks a step may take. */
    public static final int MAX_PROMPTS_PER_STEP = 65_536;
    /** The most responses per task. */
    public static final int MAX_GROUP_SIZE = 4_096;

    /**
     * @return the defaults: {@value #DEFAULT_PROMPTS_PER_STEP} tasks x {@value #DEFAULT_GROUP_SIZE} responses per
     *     step, {@link SamplingConfig}'s and {@link OptimizerConfig}'s defaults (temperature 1 up to 32 tokens; AdamW
     *     at 1e-3 with no decay of the rate)
     */
    public static TrainingSpec defaults() {
        return new TrainingSpec(DEFAULT_PROMPTS_PER_STEP, DEFAULT_GROUP_SIZE, SamplingConfig.of(s -> { }),
                OptimizerConfig.of(o -> { }));
    }
}
