package org.cpt4j.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cpt4j.internal.model.GoldenState;
import org.cpt4j.internal.model.PolicyStateFile;
import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One checkpoint kind for pretraining and arms, and the two kinds before it still read. */
class CheckpointFileTest {

    private static final ModelConfig MODEL = ModelConfig.of(m -> m.layers(1).width(8).heads(2).context(8).vocabulary(10));
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private static TransformerPolicy trained() {
        TransformerPolicy policy = TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> o.learningRate(0.01)), 3);
        policy.train(SequenceBatch.nextToken(new int[][] {{1, 2, 3, 4}, {5, 6, 7}}, 0));
        return policy;
    }

    /** An arm's: a teacher's weights beside the policy and the loop's progress. */
    private static Checkpoint armCheckpoint() {
        TransformerPolicy policy = trained();
        ObjectNode loop = JSON.createObjectNode().put("stage", 1);
        loop.putObject("progress").put("step", 17);
        return new Checkpoint("tiny/sdpo", 17, 42, policy.state(), Map.of("teacher", policy.parameters().copy()), loop);
    }

    @Test
    void roundTripsEveryField() throws IOException {
        Path file = directory.resolve("run.ckpt");
        Checkpoint written = armCheckpoint();
        CheckpointFile.write(file, written);
        Checkpoint read = CheckpointFile.readFor(file, "tiny/sdpo");
        assertEquals("tiny/sdpo", read.owner());
        assertEquals(17, read.step());
        assertEquals(42, read.streamSeed());
        assertEquals(written.loop(), read.loop());
        assertEquals(1, read.policy().step());
        assertTrue(read.policy().parameters().sameValues(written.policy().parameters()));
        assertTrue(read.policy().firstMoment().sameValues(written.policy().firstMoment()));
        assertTrue(read.policy().secondMoment().sameValues(written.policy().secondMoment()));
        assertTrue(read.groups().get("teacher").sameValues(written.groups().get("teacher")));
    }

    @Test
    void itsHeaderBeginsWithTheFormatAndVersion() throws IOException {
        Path file = directory.resolve("run.ckpt");
        CheckpointFile.write(file, armCheckpoint());
        JsonNode extra = PolicyStateFile.readContents(file).extra();
        assertEquals("cpt4j-checkpoint", extra.get("format").asText());
        assertEquals(2, extra.get("version").asInt());
        assertEquals("format", extra.fieldNames().next());
    }

    @Test
    void aCheckpointOfAnotherOwnerIsRefusedNamingBoth() throws IOException {
        Path file = directory.resolve("run.ckpt");
        CheckpointFile.write(file, armCheckpoint());
        IOException error = assertThrows(IOException.class, () -> CheckpointFile.readFor(file, "tiny/grpo"));
        assertTrue(error.getMessage().contains("was written by tiny/sdpo, not by tiny/grpo"), error.getMessage());
    }

    @Test
    void aNewerVersionIsRefused() throws IOException {
        Path file = directory.resolve("run.ckpt");
        Checkpoint checkpoint = armCheckpoint();
        ObjectNode extra = FileFormat.CHECKPOINT.stamp(JSON.createObjectNode().put("owner", "x").put("step", 1)
                .put("streamSeed", 1)).put("version", 3);
        extra.set("loop", JSON.createObjectNode());
        PolicyStateFile.write(file, checkpoint.policy(), extra);
        IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(file));
        assertTrue(error.getMessage().contains("cpt4j-checkpoint version 3; this cpt4j reads versions 1 to 2"),
                error.getMessage());
    }

    @Test
    void aFlippedByteIsDetected() throws IOException {
        Path file = directory.resolve("run.ckpt");
        CheckpointFile.write(file, armCheckpoint());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x10;
        Files.write(file, bytes);
        IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(file));
        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
    }

    @Test
    void checkpointFieldsMissingOrOfTheWrongTypeAreRefusedNamingTheFileAndTheField() throws IOException {
        Path file = directory.resolve("run.ckpt");
        Checkpoint checkpoint = armCheckpoint();
        Map<String, java.util.function.Consumer<ObjectNode>> damages = Map.of(
                "'step' is \"17\", not a whole number of steps", extra -> extra.put("step", "17"),
                "'step' is -1, not a whole number of steps", extra -> extra.put("step", -1),
                "'step' is 1.5, not a whole number of steps", extra -> extra.put("step", 1.5),
                "'streamSeed' is true, not a long", extra -> extra.put("streamSeed", true),
                "'owner' is 7, not a text or null", extra -> extra.put("owner", 7),
                "'loop' is [], not an object", extra -> extra.putArray("loop"),
                "lacks 'loop'", extra -> extra.remove("loop"));
        for (var damage : damages.entrySet()) {
            ObjectNode extra = FileFormat.CHECKPOINT.stamp(JSON.createObjectNode().put("owner", "tiny/sdpo")
                    .put("step", 17).put("streamSeed", 42));
            extra.set("loop", checkpoint.loop());
            damage.getValue().accept(extra);
            PolicyStateFile.write(file, checkpoint.policy(), checkpoint.groups(), extra);
            IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(file));
            assertTrue(error.getMessage().startsWith(file + " is corrupt: its checkpoint header")
                    && error.getMessage().contains(damage.getKey()), error.getMessage());
        }
    }

    @Test
    void aPlainPolicyStateIsNotTakenForACheckpoint() throws IOException {
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, trained().state());
        IOException error = assertThrows(IOException.class, () -> CheckpointFile.read(file));
        assertTrue(error.getMessage().contains("not a checkpoint"), error.getMessage());
    }

    /**
     * Written by checkpoint version 2 (policy state version 3): {@link #armCheckpoint}. Its arrays are checked against
     * the values stored beside it, not against a training run (whose rounding depends on the CPU's BLAS kernels).
     */
    @Test
    void readsTheGoldenFileOfVersionTwo() throws IOException {
        Path file = GOLDEN.resolve("checkpoint-v2.ckpt");
        if (Boolean.getBoolean("cpt4j.writeGolden")) {
            CheckpointFile.write(file, armCheckpoint());
            GoldenState.main(new String[] {file.toString()});
        }
        Checkpoint golden = CheckpointFile.readFor(file, "tiny/sdpo");
        assertEquals(17, golden.step());
        assertEquals(42, golden.streamSeed());
        assertEquals(armCheckpoint().loop(), golden.loop());
        assertEquals(MODEL, golden.policy().model());
        GoldenState.assertMatches(file.resolveSibling("checkpoint-v2.ckpt.expected.json"), golden.policy(),
                golden.groups());
    }

    /** Written by checkpoint version 1 (policy state version 2), pretraining's: a tiny model after one step. */
    @Test
    void readsTheGoldenFileOfVersionOne() throws IOException {
        Path file = GOLDEN.resolve("checkpoint-v1.ckpt");
        Checkpoint golden = CheckpointFile.readFor(file, "abc123");
        assertEquals("abc123", golden.owner());
        assertEquals(17, golden.step());
        assertEquals(42, golden.streamSeed());
        assertTrue(golden.groups().isEmpty());
        assertEquals(MODEL, golden.policy().model());
        assertEquals(OptimizerConfig.of(o -> o.learningRate(0.01)), golden.policy().optimizer());
        GoldenState.assertMatches(file.resolveSibling("checkpoint-v1.ckpt.expected.json"), golden.policy());
    }

    /** An arm checkpoint written before version 2: a policy state whose header holds the arm's progress. */
    @Test
    void readsAnArmCheckpointOfBeforeVersionTwoForAnyArm() throws IOException {
        Path file = Path.of("src/test/resources/legacy/tiny-v1/runs/tiny/grpo/checkpoints/step-0000000006.ckpt");
        Checkpoint legacy = CheckpointFile.readFor(file, "tiny/grpo");
        assertNull(legacy.owner());
        assertEquals(6, legacy.step());
        assertEquals(6, legacy.loop().get("progress").get("step").asLong());
        assertTrue(legacy.loop().has("teacherMode"));
        assertTrue(legacy.groups().containsKey("teacher"));
    }
}
