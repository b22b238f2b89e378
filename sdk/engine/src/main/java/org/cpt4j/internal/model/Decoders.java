package org.cpt4j.internal.model;

import org.cpt4j.model.ModelConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Which {@link Decoder} serves which work, chosen by measurement (docs/performance.md, "Sampling"): token-by-token
 * generation runs in plain Java ({@link JavaDecoder}), where each ND4J op would cost more to launch than its
 * arithmetic; parameters other than float32 (the gradient checks' float64) go through ND4J ({@link CachedDecoder}).
 */
public final class Decoders {

    private Decoders() {
    }

    /** @return the decoder that generates from {@code parameters} (live) fastest */
    public static Decoder forSampling(ModelConfig config, Parameters parameters) {
        return parameters.dataType() == DataType.FLOAT ? new JavaDecoder(config, parameters)
                : new CachedDecoder(config, parameters);
    }
}
