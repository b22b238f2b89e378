package org.cpt4j.dsl;

import java.util.function.Consumer;
import org.cpt4j.experiment.TrainingSpec;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Training settings, from {@link TrainingSpec#defaults()} (8 tasks x 8 samples per step, sampling at temperature 1 up
 * to 32 tokens, AdamW at 1e-3 with no decay of the rate); each can be changed (evaluation is
 * {@link ExperimentBuilder#evaluation}).
 */
public final class TrainingBuilder {

    private int promptsPerStep = TrainingSpec.DEFAULT_PROMPTS_PER_STEP;
    private int groupSize = TrainingSpec.DEFAULT_GROUP_SIZE;
    private Consumer<SamplingConfig.Builder> sampling = s -> { };
    private Consumer<OptimizerConfig.Builder> optimizer = o -> { };

    TrainingBuilder() {
    }

    public TrainingBuilder promptsPerStep(int value) {
        promptsPerStep = value;
        return this;
    }

    public TrainingBuilder groupSize(int value) {
        groupSize = value;
        return this;
    }

    public TrainingBuilder sampling(Consumer<SamplingConfig.Builder> configure) {
        sampling = configure;
        return this;
    }

    public TrainingBuilder optimizer(Consumer<OptimizerConfig.Builder> configure) {
        optimizer = configure;
        return this;
    }

    /** @return the settings, or null after recording the problems of their parts under {@code path} */
    static @Nullable TrainingSpec build(Problems problems, String path, Consumer<TrainingBuilder> configure) {
        TrainingBuilder builder = new TrainingBuilder();
        configure.accept(builder);
        SamplingConfig builtSampling = ExperimentBuilder.attempt(problems, path + ".sampling",
                () -> SamplingConfig.of(builder.sampling));
        OptimizerConfig builtOptimizer = ExperimentBuilder.attempt(problems, path + ".optimizer",
                () -> OptimizerConfig.of(builder.optimizer));
        if (builtSampling == null || builtOptimizer == null) {
            return null;
        }
        return new TrainingSpec(builder.promptsPerStep, builder.groupSize, builtSampling, builtOptimizer);
    }
}
