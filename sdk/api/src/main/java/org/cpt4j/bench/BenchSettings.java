package org.cpt4j.bench;

import java.util.List;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.pretrain.PretrainSpec;

/**
 * What a bench run measures.
 *
 * @param reference the model reported under {@code reference}
 * @param large the model reported under {@code large}
 * @param threads native threads
 * @param referenceSteps timed training steps of the reference model (the memory check spans them)
 * @param largeSteps timed training steps of the large model
 * @param warmupSteps untimed steps before timing (the JIT and caches settle)
 * @param minimumTimingSeconds how long each GEMM shape and the forward pass are repeated for, at least
 * @param rlModels the models of the on-policy step breakdown, in order (their vocabulary is set by the domains'
 *     tokenizer): the default base shape and a wider one, so that the trend with model size shows
 * @param rlSteps timed on-policy steps per objective and model
 */
public record BenchSettings(ModelConfig reference, ModelConfig large, int threads, int referenceSteps, int largeSteps,
                            int warmupSteps, double minimumTimingSeconds, List<ModelConfig> rlModels,
                            int rlSteps) {

    /** The reference model: 2 layers, width 128, 4 heads, context 64, vocabulary 64. */
    public static final ModelConfig REFERENCE = ModelConfig.of(m -> m.layers(2).width(128).heads(4).context(64).vocabulary(64));
    /** The large model: 4 layers, width 256, 8 heads, context 64, vocabulary 64. */
    public static final ModelConfig LARGE = ModelConfig.of(m -> m.layers(4).width(256).heads(8).context(64).vocabulary(64));
    /** The wider on-policy shape: the default base model's context with the large model's layers, width and heads. */
    public static final ModelConfig WIDE_ON_POLICY = wider(PretrainSpec.of(p -> { }).model());

    public BenchSettings {
        rlModels = List.copyOf(rlModels);
    }

    private static ModelConfig wider(ModelConfig base) {
        return new ModelConfig(LARGE.layers(), LARGE.width(), LARGE.heads(), base.context(), base.vocabulary(),
                base.tiedEmbeddings());
    }

    /**
     * @return the standard bench: {@link #REFERENCE} and {@link #LARGE}, each timed for at least a second, and the
     *     on-policy step of the default base model's shape and of {@link #WIDE_ON_POLICY}
     */
    public static BenchSettings standard(int threads, int referenceSteps, int largeSteps, int warmupSteps) {
        return new BenchSettings(REFERENCE, LARGE, threads, referenceSteps, largeSteps, warmupSteps, 1.0,
                List.of(PretrainSpec.of(p -> { }).model(), WIDE_ON_POLICY), 10);
    }
}
