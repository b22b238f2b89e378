package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.model.ModelConfig;

class TransformerLayoutTest {

    /** {@link ModelConfig#parameterCount()} is a formula; the layout is what the model is built from. */
    @Property(tries = 50)
    void theParameterCountIsTheSizeOfTheLayout(@ForAll @IntRange(min = 1, max = 4) int layers,
                                               @ForAll @IntRange(min = 1, max = 4) int heads,
                                               @ForAll @IntRange(min = 1, max = 8) int headWidth,
                                               @ForAll @IntRange(min = 2, max = 50) int vocabulary,
                                               @ForAll @IntRange(min = 2, max = 64) int context,
                                               @ForAll boolean tied) {
        ModelConfig config = ModelConfig.of(m -> m.layers(layers).heads(heads).width(heads * headWidth)
                .vocabulary(vocabulary).context(context).tiedEmbeddings(tied));
        long laidOut = new TransformerLayout(config).entries().stream()
                .mapToLong(entry -> Arrays.stream(entry.shape()).reduce(1, (a, b) -> a * b)).sum();
        assertEquals(laidOut, config.parameterCount(), config.toString());
    }

    @Property(tries = 20)
    void theArrayCountIsTheNumberOfArraysLaidOut(@ForAll @IntRange(min = 1, max = 6) int layers, @ForAll boolean tied) {
        ModelConfig config = ModelConfig.of(m -> m.layers(layers).width(8).heads(2).tiedEmbeddings(tied));
        assertEquals(new TransformerLayout(config).entries().size(), TransformerLayout.arrayCount(config),
                config.toString());
    }
}
