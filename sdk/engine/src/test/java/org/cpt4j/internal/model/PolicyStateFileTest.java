package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PolicyStateFileTest {

    private static final ModelConfig CONFIG = ModelConfig.of(m -> m.layers(1).width(8).heads(2).context(8).vocabulary(6));
    private static final SequenceBatch BATCH = SequenceBatch.nextToken(new int[][] {{1, 2, 3, 4, 5}, {5, 4, 3}}, 0);

    @TempDir
    Path directory;

    /** @return the tiny model, seed 9, after two AdamW steps (what the golden files of versions 1 and 3 hold) */
    private static TransformerPolicy trainedTwice() {
        TransformerPolicy policy = TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> o.learningRate(0.01)), 9);
        policy.train(BATCH);
        policy.train(BATCH);
        return policy;
    }

    @Test
    void roundTripIsExact() throws IOException {
        TransformerPolicy policy = trainedTwice();
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, policy.state());
        PolicyState read = PolicyStateFile.read(file);
        assertEquals(policy.model(), read.model());
        assertEquals(policy.optimizer(), read.optimizer());
        assertEquals(2, read.step());
        assertTrue(policy.parameters().sameValues(read.parameters()));
        assertTrue(policy.state().secondMoment().sameValues(read.secondMoment()));
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count(), "no temporary file is left beside the state");
        }
    }

    @Test
    void extraParameterGroupsAndTheExtraHeaderRoundTripExactly() throws IOException {
        TransformerPolicy policy = TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> o.learningRate(0.01)), 9);
        Parameters teacher = policy.parameters().copy();
        policy.train(BATCH);
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, policy.state(), Map.of("teacher", teacher),
                new ObjectMapper().createObjectNode().put("stage", 2));
        PolicyStateFile.Contents read = PolicyStateFile.readContents(file);
        assertTrue(policy.parameters().sameValues(read.state().parameters()));
        assertEquals(List.of("teacher"), List.copyOf(read.groups().keySet()));
        assertTrue(teacher.sameValues(read.groups().get("teacher")));
        assertTrue(!teacher.sameValues(read.state().parameters()), "the teacher is its own group");
        assertEquals(2, read.extra().get("stage").asInt());
        assertThrows(IllegalArgumentException.class, () -> PolicyStateFile.write(file, policy.state(),
                Map.of("first_moment", teacher), read.extra()));
    }

    @Test
    void doublePrecisionRoundTripIsExact() throws IOException {
        TransformerPolicy policy = TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> { }), 9, DataType.DOUBLE);
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, policy.state());
        assertTrue(policy.parameters().sameValues(PolicyStateFile.read(file).parameters()));
    }

    @Test
    void aFlippedByteIsDetected() throws IOException {
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> { }), 1).state());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 0x10;
        Files.write(file, bytes);
        IOException error = assertThrows(IOException.class, () -> PolicyStateFile.read(file));
        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() throws IOException {
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> { }), 1).state());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException error = assertThrows(IOException.class, () -> PolicyStateFile.read(file));
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void aFileThatIsNotAStateIsRejected() throws IOException {
        Path file = directory.resolve("state.bin");
        Files.writeString(file, "{\"hello\": 1}");
        IOException error = assertThrows(IOException.class, () -> PolicyStateFile.read(file));
        assertTrue(error.getMessage().contains("not a cpt4j policy state"), error.getMessage());
    }

    @Test
    void aDataTypeOtherThanFloatOrDoubleIsRejected() throws IOException {
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> { }), 1).state());
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\"dataType\":\"FLOAT\"", "\"dataType\":\"HALF\" ");
        Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IOException error = assertThrows(IOException.class, () -> PolicyStateFile.read(file));
        assertTrue(error.getMessage().contains("declares data type HALF"), error.getMessage());
    }

    /**
     * The golden file was written by this format's first version (tiny model, seed 9, two AdamW steps); later
     * versions of cpt4j must still read it to the same values, stored beside it (no training run: the values
     * would differ with the CPU's BLAS kernels).
     */
    @Test
    void readsTheGoldenFileOfVersionOne() throws IOException {
        Path golden = Path.of("src/test/resources/golden/policy-state-v1.bin");
        PolicyState state = PolicyStateFile.read(golden);
        assertEquals(CONFIG, state.model());
        assertEquals(OptimizerConfig.of(o -> o.learningRate(0.01)), state.optimizer());
        assertEquals(DataType.FLOAT, state.parameters().dataType());
        GoldenState.assertMatches(golden.resolveSibling("policy-state-v1.bin.expected.json"), state);
    }

    /**
     * The golden file of the current version (three): the same tiny model, seed 9, two AdamW steps, written once with
     * {@code -Dcpt4j.writeGolden=true}; its values are checked against those stored beside it.
     */
    @Test
    void readsTheGoldenFileOfVersionThree() throws IOException {
        Path golden = Path.of("src/test/resources/golden/policy-state-v3.bin");
        if (Boolean.getBoolean("cpt4j.writeGolden")) {
            TransformerPolicy policy = trainedTwice();
            PolicyStateFile.write(golden, policy.state());
            GoldenState.main(new String[] {golden.toString()});
        }
        assertTrue(new String(Files.readAllBytes(golden), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("\"version\":3"), "the golden file is of version 3");
        PolicyState state = PolicyStateFile.read(golden);
        assertEquals(CONFIG, state.model());
        assertEquals(2, state.step());
        GoldenState.assertMatches(golden.resolveSibling("policy-state-v3.bin.expected.json"), state);
    }
}
