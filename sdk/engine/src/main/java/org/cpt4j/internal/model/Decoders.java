package org.cpt4j.internal.model;

import java.util.concurrent.atomic.AtomicBoolean;
import org.cpt4j.model.ModelConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link Decoder} serves which work, chosen by measurement (docs/performance.md, "Sampling and scoring";
 * `cpt4j bench`, 1 thread): the plain-Java one ({@link JavaDecoder}) needs the Vector API (the {@code cpt4j}
 * launcher and the tests pass {@code --add-modules jdk.incubator.vector}; without it Java's loops are slower than
 * ND4J's ops) and float32 parameters (the gradient checks' float64 ones go through ND4J, {@link CachedDecoder}).
 * Generation, one token per row at a time, is faster in Java at every measured width (8 groups of 8 rows, 12-token
 * prompts, 16 new tokens: 13 against 272 ms at 2x64x4, 359 against 1479 at 4x256x8, 1019 against 1508 at 2x512x8).
 * Scoring whole sequences gives ND4J's GEMMs many rows: 64 sequences of 32 tokens took 15 ms in Java at 2x64x4,
 * 235 against ND4J's 725 at 4x256x8, but 1163 against 784 at 2x512x8, so Java scores below width 512.
 */
public final class Decoders {

    /** The narrowest model whose sequences ND4J scores faster than the plain-Java decoder. */
    static final int ND4J_SCORING_WIDTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(Decoders.class);
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private Decoders() {
    }

    /** @return the decoder that generates from {@code parameters} (read live) fastest */
    public static Decoder forSampling(ModelConfig config, Parameters parameters) {
        return javaDecoderRuns(parameters) ? new JavaDecoder(config, parameters) : new CachedDecoder(config, parameters);
    }

    /** @return the decoder that scores whole sequences under {@code parameters} (read live) fastest */
    public static Decoder forScoring(ModelConfig config, Parameters parameters) {
        return javaDecoderRuns(parameters) && config.width() < ND4J_SCORING_WIDTH ? new JavaDecoder(config, parameters)
                : new CachedDecoder(config, parameters);
    }

    private static boolean javaDecoderRuns(Parameters parameters) {
        if (!Affine.VECTORISED && TOLD.compareAndSet(false, true)) {
            LOG.warn("this JVM has no Vector API, so cpt4j samples and scores through ND4J, 2 to 6 times slower at "
                    + "small models; start it with --add-modules jdk.incubator.vector (the cpt4j launcher does)");
        }
        return parameters.dataType() == DataType.FLOAT && Affine.VECTORISED;
    }
}
