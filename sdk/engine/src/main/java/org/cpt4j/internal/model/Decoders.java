package org.cpt4j.internal.model;

import org.cpt4j.model.ModelConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Which {@link Decoder} serves generation and scoring, chosen by measurement (docs/performance.md, "Sampling and
 * scoring"): the plain-Java one ({@link JavaDecoder}) when the JVM has the Vector API (the {@code cpt4j} launcher
 * and the tests pass {@code --add-modules jdk.incubator.vector}) and the parameters are float32, where it is 2 to 4
 * times faster than ND4J's at the base shapes; ND4J's ({@link CachedDecoder}) otherwise: without the Vector API
 * the Java loops are slower than ND4J's ops, and the gradient checks' float64 parameters need ND4J.
 */
public final class Decoders {

    private Decoders() {
    }

    /** @return the fastest decoder over {@code parameters} (read live) */
    public static Decoder fastest(ModelConfig config, Parameters parameters) {
        return parameters.dataType() == DataType.FLOAT && Affine.VECTORISED ? new JavaDecoder(config, parameters)
                : new CachedDecoder(config, parameters);
    }
}
