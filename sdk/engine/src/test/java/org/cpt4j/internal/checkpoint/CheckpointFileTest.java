package org.cpt4j.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cpt4j.internal.model.GoldenState;
import org.cpt4j.internal.model.PolicyStateFile;
import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

    private static final ModelConfig MODEL = ModelConfig.of(m -> m.layers(1).width(8).heads(2).context(8).vocabulary(10));

    @TempDir
    Path directory;

    private static Checkpoint checkpoint() {
        TransformerPolicy policy = TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> o.learningRate(0.01)), 3);
        policy.train(SequenceBatch.nextToken(new int[][] {{1, 2, 3, 4}, {5, 6, 7}}, 0));
        return new Checkpoint(policy.state(), "abc123", 17, 42);
    }

    @Test
    void roundTripsEveryField() throws IOException {
        Path file = directory.resolve("run.ckpt");
        Checkpoint written = checkpoint();
        CheckpointFile.write(file, written);
        Checkpoint read = CheckpointFile.readFor(file, "abc123");
        assertEquals(17, read.step());
        assertEquals(42, read.streamSeed());
        assertEquals(1, read.policy().step());
        assertTrue(read.policy().parameters().sameValues(written.policy().parameters()));
        assertTrue(read.policy().firstMoment().sameValues(written.policy().firstMoment()));
        assertTrue(read.policy().secondMoment().sameValues(written.policy().secondMoment()));
    }

    @Test
    void aCheckpointOfAnotherSpecIsRefusedNamingBothHashes() throws IOException {
        Path file = directory.resolve("run.ckpt");
        CheckpointFile.write(file, checkpoint());
        IOException error = assertThrows(IOException.class, () -> CheckpointFile.readFor(file, "def456"));
        assertTrue(error.getMessage().contains("spec hash abc123, this run's is def456"), error.getMessage());
    }

    @Test
    void aFlippedByteIsDetected() throws IOException {
        Path file = directory.resolve("run.ckpt");
        CheckpointFile.write(file, checkpoint());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x10;
        Files.write(file, bytes);
        IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(file));
        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
    }

    @Test
    void aPlainPolicyStateIsNotTakenForACheckpoint() throws IOException {
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, checkpoint().policy());
        IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(file));
        assertTrue(error.getMessage().contains("not a checkpoint"), error.getMessage());
    }

    /**
     * Written by checkpoint version 1 (policy state version 2): a tiny model after one step, seed 3. Its arrays
     * are checked against the values stored beside it, not against a training run (whose rounding depends on the
     * CPU's BLAS kernels).
     */
    @Test
    void readsTheGoldenFileOfVersionOne() throws IOException {
        Path file = Path.of("src/test/resources/golden/checkpoint-v1.ckpt");
        Checkpoint golden = CheckpointFile.read(file);
        assertEquals("abc123", golden.specHash());
        assertEquals(17, golden.step());
        assertEquals(42, golden.streamSeed());
        assertEquals(MODEL, golden.policy().model());
        assertEquals(OptimizerConfig.of(o -> o.learningRate(0.01)), golden.policy().optimizer());
        GoldenState.assertMatches(file.resolveSibling("checkpoint-v1.ckpt.expected.json"), golden.policy());
    }
}
