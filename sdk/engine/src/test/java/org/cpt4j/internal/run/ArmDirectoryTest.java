package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cpt4j.internal.model.CraftedPolicyState;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.model.PolicyStateFile;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.pretrain.BaseModelStore;
import org.cpt4j.internal.rl.TeacherMode;
import org.cpt4j.internal.store.CapturedLog;
import org.cpt4j.internal.store.Checkpoint;
import org.cpt4j.internal.store.CheckpointFile;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.plugins.objectives.GrpoConfig;
import org.cpt4j.plugins.objectives.GrpoObjective;
import org.cpt4j.plugins.rewards.Rewards;
import org.cpt4j.plugins.teachers.TeacherSchedules;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.testing.FixtureDomain;
import org.cpt4j.text.Tokenizer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/** How resuming copes with what a kill leaves behind. */
class ArmDirectoryTest {

    private static final PromptFormat FORMAT = new PromptFormat(Tokenizer.forDomains(List.of(FixtureDomain.successor())));
    private static final ModelConfig MODEL = ModelConfig.of(m -> m.layers(1).width(8).heads(2).context(16)
            .vocabulary(FORMAT.tokenizer().vocabularySize()));

    @TempDir
    Path directory;

    private static TransformerPolicy policy(long seed) {
        return TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> o.learningRate(1e-3)), seed);
    }

    private static RlTrainer trainer(TransformerPolicy policy) {
        return new RlTrainer(policy, FORMAT, new GrpoObjective(GrpoConfig.of(g -> { })), TeacherSchedules.frozen(),
                Rewards.verifiable(), new RlTrainer.Settings(2, 2, SamplingConfig.of(s -> s.maxNewTokens(4)), 1),
                Kernels.TRANSFORMER);
    }

    private static ArmDirectory.Progress progress(long step) {
        return ArmDirectory.Progress.first(0, (int) step, step, List.of(new double[] {0.5}));
    }

    /** Turns a valid checkpoint file into a damaged, crafted or foreign one. */
    @FunctionalInterface
    interface Damage {
        void apply(Path file) throws Exception;
    }

    private static Arguments damage(String name, Damage damage, String says) {
        return Arguments.of(Named.of(name, damage), says);
    }

    /** Writes a checkpoint of step 4 with this arm's policy of seed 2, its owner and loop as given. */
    private static void writeArmCheckpoint(Path file, String owner, TransformerPolicy policy, Map<String, Parameters> groups,
                                           ObjectNode loop) throws IOException {
        CheckpointFile.write(file, new Checkpoint(owner, 4, 0, policy.state(), groups, loop));
    }

    private static ObjectNode loop(Object progress, Object teacherMode) {
        ObjectNode loop = ArmDirectory.JSON.createObjectNode();
        loop.set("progress", ArmDirectory.JSON.valueToTree(progress));
        loop.set("teacherMode", ArmDirectory.JSON.valueToTree(teacherMode));
        return loop;
    }

    static Stream<Arguments> damagedCheckpoints() {
        TransformerPolicy newer = policy(2);
        return Stream.of(
                damage("a flipped byte", file -> {
                    byte[] bytes = Files.readAllBytes(file);
                    bytes[bytes.length / 2] ^= 0x40;
                    Files.write(file, bytes);
                }, "checksum mismatch"),
                damage("a file cut in half", file -> Files.write(file, Arrays.copyOf(Files.readAllBytes(file),
                        (int) Files.size(file) / 2)), "is truncated"),
                damage("an empty file", file -> Files.write(file, new byte[0]), "is truncated"),
                damage("a header that declares a model of 2.5 GB", file -> CraftedPolicyState.rewriteHeader(file,
                        header -> CraftedPolicyState.declareModel(header, ModelConfig.of(m -> m.layers(1).width(4096)
                                .heads(2).context(16).vocabulary(MODEL.vocabulary())))), "is truncated"),
                damage("a header with an array past 2 GB", file -> CraftedPolicyState.rewriteHeader(file,
                        header -> CraftedPolicyState.declareModel(header, ModelConfig.of(m -> m.layers(1).width(32768)
                                .heads(2).context(16).vocabulary(MODEL.vocabulary())))),
                        "an array of a policy state holds at most"),
                damage("a header with a duplicate key", file -> CraftedPolicyState.rewriteHeaderText(file,
                        text -> text.replaceFirst("\"step\":", "\"step\":1,\"step\":")), "Duplicate field 'step'"),
                damage("a policy state that is no checkpoint", file -> PolicyStateFile.write(file, newer.state()),
                        "not a checkpoint"),
                damage("a text file", file -> Files.writeString(file, "not a checkpoint"), "not a cpt4j policy state"),
                damage("a checkpoint of another experiment's arm", file -> writeArmCheckpoint(file, "other/arm", newer,
                        Map.of("teacher", newer.parameters()), loop(progress(4), new TeacherMode("OWN", 0))),
                        "was written by other/arm, not by tiny/arm"),
                damage("a pretraining checkpoint that names this arm", file -> writeArmCheckpoint(file, "tiny/arm",
                        newer, Map.of(), ArmDirectory.JSON.createObjectNode()), "is not an arm checkpoint"),
                damage("a checkpoint of another model", file -> {
                    TransformerPolicy other = TransformerPolicy.create(ModelConfig.of(m -> m.layers(2).width(8)
                            .heads(2).context(16).vocabulary(MODEL.vocabulary())), OptimizerConfig.of(o -> { }), 2);
                    writeArmCheckpoint(file, "tiny/arm", other, Map.of("teacher", other.parameters()),
                            loop(progress(4), new TeacherMode("OWN", 0)));
                }, "holds a policy of model ModelConfig[layers=2"),
                damage("a checkpoint of double precision", file -> {
                    TransformerPolicy other = TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> { }), 2,
                            DataType.DOUBLE);
                    writeArmCheckpoint(file, "tiny/arm", other, Map.of("teacher", other.parameters()),
                            loop(progress(4), new TeacherMode("OWN", 0)));
                }, "holds DOUBLE parameters; this arm's are FLOAT"),
                damage("a checkpoint named for another step", file -> Files.copy(
                        file.resolveSibling("step-0000000002.ckpt"), file, StandardCopyOption.REPLACE_EXISTING),
                        "holds the checkpoint after step 2, not the one its name says"),
                damage("a progress that is not one", file -> writeArmCheckpoint(file, "tiny/arm", newer,
                        Map.of("teacher", newer.parameters()), loop(Map.of("stage", "first"), new TeacherMode("OWN", 0))),
                        "its progress or teacher mode does not read"),
                damage("a teacher mode of an unknown source", file -> {
                    ObjectNode loop = loop(progress(4), new TeacherMode("OWN", 0));
                    ((ObjectNode) loop.get("teacherMode")).put("source", "ORACLE");
                    writeArmCheckpoint(file, "tiny/arm", newer, Map.of("teacher", newer.parameters()), loop);
                }, "not ORACLE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedCheckpoints")
    void aDamagedNewestCheckpointIsPassedOverForTheOneBeforeItWithAWarningAndSetAside(Damage damage, String says)
            throws Exception {
        ArmDirectory files = new ArmDirectory(directory, "tiny/arm");
        TransformerPolicy older = policy(1);
        files.writeCheckpoint(progress(2), older, trainer(older));
        TransformerPolicy newer = policy(2);
        files.writeCheckpoint(progress(4), newer, trainer(newer));
        Path newest = files.checkpoints().resolve("step-0000000004.ckpt");
        damage.apply(newest);

        TransformerPolicy restored = policy(3);
        CapturedLog.Captured<ArmDirectory.Progress> resumed = CapturedLog.during(
                () -> files.restoreLatest(restored, trainer(restored)).orElseThrow());
        assertEquals(2, resumed.value().step());
        assertTrue(restored.parameters().sameValues(older.parameters()), "the older checkpoint's weights");
        assertTrue(resumed.log().contains("WARN") && resumed.log().contains(newest.toString())
                && resumed.log().contains(says), "warns naming the file and why: " + resumed.log());
        assertTrue(resumed.log().contains("resumes from " + files.checkpoints().resolve("step-0000000002.ckpt")),
                resumed.log());
        assertTrue(Files.exists(newest.resolveSibling("step-0000000004.ckpt.damaged")), "set aside, not deleted");
        assertEquals(List.of("step-0000000002.ckpt", "step-0000000004.ckpt.damaged"), names(files.checkpoints()));

        String again = CapturedLog.during(() -> files.restoreLatest(restored, trainer(restored))).log();
        assertFalse(again.contains("WARN"), "warned once: " + again);
        files.writeCheckpoint(progress(6), restored, trainer(restored));
        files.writeCheckpoint(progress(8), restored, trainer(restored));
        assertEquals(List.of("step-0000000004.ckpt.damaged", "step-0000000006.ckpt", "step-0000000008.ckpt"),
                names(files.checkpoints()), "the two newest good ones are kept, not a damaged one in their place");
    }

    /** A pretraining's finished model copied in as an arm's newest checkpoint (it has this arm's model). */
    @Test
    void aCachedBaseModelCopiedInAsACheckpointIsPassedOverNamingIt() throws Exception {
        PretrainSpec spec = PretrainSpec.of(p -> p.mix("successor").steps(2).batchSize(2)
                .model(m -> m.layers(1).width(8).heads(2).context(16)));
        BaseModelStore.Base base = new BaseModelStore(directory.resolve("cache"), 1).obtain(spec,
                List.of(FixtureDomain.successor()), FORMAT.tokenizer(), (step, total, result) -> { });
        assertEquals(MODEL, base.policy().model(), "the base has this arm's model");
        ArmDirectory files = new ArmDirectory(directory.resolve("arm"), "tiny/arm");
        TransformerPolicy older = policy(1);
        files.writeCheckpoint(progress(2), older, trainer(older));
        Path copied = files.checkpoints().resolve("step-0000000004.ckpt");
        Files.copy(base.directory().resolve("base.ckpt"), copied);

        TransformerPolicy restored = policy(3);
        CapturedLog.Captured<ArmDirectory.Progress> resumed = CapturedLog.during(
                () -> files.restoreLatest(restored, trainer(restored)).orElseThrow());
        assertEquals(2, resumed.value().step());
        assertTrue(resumed.log().contains(copied + " was written by " + base.specHash() + ", not by tiny/arm"),
                resumed.log());
    }

    @Test
    void noReadableCheckpointIsRefusedNamingEachAndTheFixAndChangingNothing() throws IOException {
        ArmDirectory files = new ArmDirectory(directory, "tiny/arm");
        TransformerPolicy policy = policy(1);
        files.writeCheckpoint(progress(2), policy, trainer(policy));
        files.writeCheckpoint(progress(4), policy, trainer(policy));
        Path older = files.checkpoints().resolve("step-0000000002.ckpt");
        Path newer = files.checkpoints().resolve("step-0000000004.ckpt");
        Files.writeString(older, "not a checkpoint");
        Files.write(newer, Arrays.copyOf(Files.readAllBytes(newer), 100));
        files.appendMetrics(0, "successor", 0, metrics(0));
        Map<String, String> before = contents(directory);

        IOException error = assertThrows(IOException.class, () -> files.restoreLatest(policy, trainer(policy)));
        assertTrue(error.getMessage().startsWith("no checkpoint of " + directory + " can be read:\n  - " + newer
                + " is truncated"), error.getMessage());
        assertTrue(error.getMessage().contains("\n  - " + older + " is not a cpt4j policy state"), error.getMessage());
        assertTrue(error.getMessage().endsWith("or delete " + directory + " to run the arm again from its start"),
                error.getMessage());
        assertEquals(before, contents(directory), "nothing on disk changed");
    }

    @Test
    void noCheckpointAtAllIsAFreshStart() throws IOException {
        ArmDirectory files = new ArmDirectory(directory, "tiny/arm");
        TransformerPolicy policy = policy(1);
        assertTrue(files.restoreLatest(policy, trainer(policy)).isEmpty());
    }

    @Test
    void rewindingDropsAPartialLastLineAndEveryRecordAfterTheCheckpoint() throws IOException {
        ArmDirectory files = new ArmDirectory(directory, "tiny/arm");
        for (long step = 0; step < 5; step++) {
            files.appendMetrics(0, "successor", 0, metrics(step));
        }
        Files.writeString(files.metrics(), Files.readString(files.metrics()) + "{\"stage\":0,\"step\":5,\"rew");
        files.rewindTo(progress(3));
        assertEquals(List.of(0L, 1L, 2L), files.recordedMetrics(progress(3)).stream().map(StepMetrics::step).toList());
        assertTrue(Files.readString(files.metrics()).endsWith("\n"), "no partial line is left");
    }

    /** Logs without a checkpoint cannot be resumed: a fresh start deletes them, saying so, rather than add to them. */
    @Test
    void aRunKilledBeforeItsFirstCheckpointLeavesNothingTheNextStartKeeps() throws Exception {
        ArmDirectory files = new ArmDirectory(directory, "tiny/arm");
        files.appendMetrics(0, "successor", 0, metrics(0));
        files.appendEvaluation(new org.cpt4j.run.EvaluationPoint(org.cpt4j.run.EvaluationPoint.Kind.BASE, 0, 0, 0, 0,
                Map.of("successor", 0.5)));
        Files.writeString(files.samples(), "{}\n");
        String log = CapturedLog.during(() -> {
            files.clearLogs();
            return null;
        }).log();
        for (Path file : List.of(files.metrics(), files.events(), files.drift(), files.accuracy(), files.measures(),
                files.evaluations(), files.samples())) {
            assertTrue(!Files.exists(file), file + " is gone");
        }
        assertTrue(log.contains(directory + " has no checkpoint, so the arm starts afresh; deleted the logs an earlier"
                + " start left: metrics.jsonl, evaluations.jsonl, samples.jsonl"), log);
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** @return every file under {@code root} with its bytes, as text */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static StepMetrics metrics(long step) {
        return new StepMetrics(step, 0.5, 0.1, Map.of(), 0.5, 1, 0.2, Map.of(), 1, 0, 1, 0, 4, 0, 0, 1, 2, 3);
    }
}
