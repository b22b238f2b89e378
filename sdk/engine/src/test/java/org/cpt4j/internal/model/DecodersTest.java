package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;

/** The measured choice: Java for generation, Java for scoring below width 512, ND4J for wide scoring. */
class DecodersTest {

    private static Parameters parameters(ModelConfig model) {
        return TransformerPolicy.create(model, OptimizerConfig.of(o -> { }), 1).parameters();
    }

    @Test
    void narrowModelsSampleAndScoreInJavaWideOnesScoreInNd4j() {
        ModelConfig narrow = ModelConfig.of(m -> m.layers(1).width(64).heads(4).context(16).vocabulary(12));
        ModelConfig wide = ModelConfig.of(m -> m.layers(1).width(Decoders.ND4J_SCORING_WIDTH).heads(4).context(16)
                .vocabulary(12));
        assertInstanceOf(JavaDecoder.class, Decoders.forSampling(narrow, parameters(narrow)));
        assertInstanceOf(JavaDecoder.class, Decoders.forScoring(narrow, parameters(narrow)));
        assertInstanceOf(JavaDecoder.class, Decoders.forSampling(wide, parameters(wide)));
        assertInstanceOf(CachedDecoder.class, Decoders.forScoring(wide, parameters(wide)));
    }
}
