package org.cpt4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problem;
import org.junit.jupiter.api.Test;

class ModelConfigTest {

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> ModelConfig.of(m -> m.layers(0).width(66).heads(4).context(1)));
        assertEquals(List.of(
                new Problem("model.layers", "must be within 1 .. 512, was 0"),
                new Problem("model.width", "must be divisible by model.heads (4), was 66"),
                new Problem("model.context", "must be within 2 .. 65536, was 1")), error.problems());
    }

    @Test
    void parameterCountMatchesTheLayout() {
        ModelConfig untied = ModelConfig.of(m -> m.layers(2).width(16).heads(2).vocabulary(10).context(8).tiedEmbeddings(false));
        long expected = 10 * 16 + 8 * 16 // embeddings
                + 2 * (4 * 16 + 16 * 48 + 48 + 16 * 16 + 16 + 16 * 64 + 64 + 64 * 16 + 16) // blocks
                + 2 * 16 + 16 * 10; // final norm, head
        assertEquals(expected, untied.parameterCount());
        assertTrue(ModelConfig.of(m -> m.tiedEmbeddings(true)).parameterCount()
                < ModelConfig.of(m -> m.tiedEmbeddings(false)).parameterCount());
    }
}
