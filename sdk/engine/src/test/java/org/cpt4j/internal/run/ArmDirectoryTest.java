package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cpt4j.internal.model.TransformerPolicy;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aDamagedNewestCheckpointIsPassedOverForTheOneBeforeIt() throws IOException {
        ArmDirectory files = new ArmDirectory(directory, "tiny/arm");
        TransformerPolicy older = policy(1);
        files.writeCheckpoint(progress(2), older, trainer(older));
        TransformerPolicy newer = policy(2);
        files.writeCheckpoint(progress(4), newer, trainer(newer));
        Path newest = files.checkpoints().resolve("step-0000000004.ckpt");
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(newest, bytes);

        TransformerPolicy restored = policy(3);
        ArmDirectory.Progress progress = files.restoreLatest(restored, trainer(restored)).orElseThrow();
        assertEquals(2, progress.step());
        assertTrue(restored.parameters().sameValues(older.parameters()), "the older checkpoint's weights");
    }

    @Test
    void noReadableCheckpointIsAnErrorNamingTheDirectoryAndTheNewestFailure() throws IOException {
        ArmDirectory files = new ArmDirectory(directory, "tiny/arm");
        TransformerPolicy policy = policy(1);
        files.writeCheckpoint(progress(2), policy, trainer(policy));
        Files.writeString(files.checkpoints().resolve("step-0000000002.ckpt"), "not a checkpoint");
        IOException error = assertThrows(IOException.class, () -> files.restoreLatest(policy, trainer(policy)));
        assertTrue(error.getMessage().startsWith("no checkpoint of " + directory + " can be read; the newest failure: "),
                error.getMessage());
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

    @Test
    void aRunKilledBeforeItsFirstCheckpointLeavesNothingTheNextStartKeeps() throws IOException {
        ArmDirectory files = new ArmDirectory(directory, "tiny/arm");
        files.appendMetrics(0, "successor", 0, metrics(0));
        files.appendEvaluation(new org.cpt4j.run.EvaluationPoint(org.cpt4j.run.EvaluationPoint.Kind.BASE, 0, 0, 0, 0,
                Map.of("successor", 0.5)));
        files.clearLogs();
        for (Path file : List.of(files.metrics(), files.events(), files.drift(), files.accuracy(), files.measures(),
                files.evaluations())) {
            assertTrue(!Files.exists(file), file + " is gone");
        }
    }

    private static StepMetrics metrics(long step) {
        return new StepMetrics(step, 0.5, 0.1, Map.of(), 0.5, 1, 0.2, Map.of(), 1, 0, 1, 0, 4, 0, 0, 1, 2, 3);
    }
}
