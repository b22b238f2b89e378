package org.cpt4j.internal.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cpt4j.domain.Domain;
import org.cpt4j.internal.model.CraftedPolicyState;
import org.cpt4j.internal.store.CapturedLog;
import org.cpt4j.internal.store.Checkpoint;
import org.cpt4j.internal.store.CheckpointFile;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.testing.FixtureDomain;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.text.Tokenizer;
import org.cpt4j.internal.store.DirectoryLock;
import org.cpt4j.spec.InvalidInputException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BaseModelStoreTest {

    private static final List<Domain> DOMAINS = List.of(FixtureDomain.successor());
    private static final Tokenizer TOKENIZER = Tokenizer.forDomains(DOMAINS);
    private static final PretrainSpec SPEC = PretrainSpec.of(p -> p.mix("successor").steps(6).batchSize(4)
            .model(m -> m.layers(1).width(16).heads(2).context(32)));

    @TempDir
    Path directory;

    @Test
    void aSecondRunOfTheSameSpecComesFromTheCache() throws IOException {
        BaseModelStore store = new BaseModelStore(directory, 2);
        List<Long> steps = new ArrayList<>();
        BaseModelStore.Base first = store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> steps.add(step));
        BaseModelStore.Base second = store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> steps.add(step));
        assertFalse(first.cached());
        assertTrue(second.cached());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), steps, "the second run trains nothing");
        assertTrue(first.policy().parameters().sameValues(second.policy().parameters()));
        assertTrue(Files.exists(first.directory().resolve("spec.json")));
        assertEquals(TOKENIZER, Tokenizer.read(first.directory().resolve("tokenizer.json")));
        assertEquals(List.of(), BaseModelStore.progress(first.directory()).files(), "progress checkpoints removed");
    }

    /** Another writer pretraining the same base holds its cache entry: this one is refused, naming it. */
    @Test
    void aCacheEntryBeingPretrainedElsewhereIsRefused() throws IOException {
        BaseModelStore store = new BaseModelStore(directory, 2);
        Path entry = store.directory(BaseModelStore.specHash(SPEC, DOMAINS, TOKENIZER));
        try (DirectoryLock held = DirectoryLock.acquire(entry, "base-model cache entry")) {
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> { }));
            assertTrue(error.getMessage().startsWith("the base-model cache entry " + entry + " is being written by "
                    + "another cpt4j (pid "), error.getMessage());
        }
        assertEquals(false, store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> { }).cached(),
                "once it is free, it is pretrained here");
    }

    @Test
    void aKilledRunResumesFromItsLastCheckpointAndEndsAsIfUninterrupted() throws IOException {
        BaseModelStore.Base uninterrupted = new BaseModelStore(directory.resolve("a"), 2)
                .obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> { });

        BaseModelStore store = new BaseModelStore(directory.resolve("b"), 2);
        assertThrows(Killed.class, () -> store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> {
            if (step == 4) {
                throw new Killed();
            }
        }));
        List<Long> resumedSteps = new ArrayList<>();
        BaseModelStore.Base resumed = store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> resumedSteps.add(step));
        assertEquals(List.of(4L, 5L), resumedSteps, "resumes after the checkpoint at step 4");
        assertTrue(uninterrupted.policy().parameters().sameValues(resumed.policy().parameters()));
    }

    /** Turns a valid progress checkpoint into a damaged or foreign one. */
    @FunctionalInterface
    interface Damage {
        void apply(Path file) throws IOException;
    }

    private static Arguments damage(String name, Damage damage, String says) {
        return Arguments.of(Named.of(name, damage), says);
    }

    static Stream<Arguments> damagedProgress() {
        return Stream.of(
                damage("a file cut short", file -> Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 1000)),
                        "is truncated"),
                damage("a flipped byte", file -> {
                    byte[] bytes = Files.readAllBytes(file);
                    bytes[bytes.length - 100] ^= 1;
                    Files.write(file, bytes);
                }, "checksum mismatch"),
                damage("another cache entry's checkpoint", file -> {
                    Checkpoint read = CheckpointFile.read(file);
                    CheckpointFile.write(file, new Checkpoint("another", read.step(), read.streamSeed(), read.policy(),
                            read.groups(), read.loop()));
                }, "was written by another"));
    }

    /** A run killed after its checkpoint at step 4 (checkpoints every 2 steps) leaves those of steps 2 and 4. */
    private BaseModelStore killedAtStep4(Path root) {
        BaseModelStore store = new BaseModelStore(root, 2);
        assertThrows(Killed.class, () -> store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> {
            if (step == 4) {
                throw new Killed();
            }
        }));
        return store;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedProgress")
    void aDamagedNewestProgressCheckpointIsPassedOverForTheOneBeforeItWithAWarning(Damage damage, String says)
            throws Exception {
        BaseModelStore.Base uninterrupted = new BaseModelStore(directory.resolve("a"), 2)
                .obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> { });
        BaseModelStore store = killedAtStep4(directory.resolve("b"));
        Path entry = store.directory(BaseModelStore.specHash(SPEC, DOMAINS, TOKENIZER));
        Path newest = entry.resolve("progress-0000000004.ckpt");
        assertEquals(List.of(entry.resolve("progress-0000000002.ckpt"), newest),
                BaseModelStore.progress(entry).files());
        damage.apply(newest);

        List<Long> resumedSteps = new ArrayList<>();
        CapturedLog.Captured<BaseModelStore.Base> resumed = CapturedLog.during(() -> store.obtain(SPEC, DOMAINS,
                TOKENIZER, (step, total, result) -> resumedSteps.add(step)));
        assertEquals(List.of(2L, 3L, 4L, 5L), resumedSteps, "resumes after the checkpoint at step 2");
        assertTrue(uninterrupted.policy().parameters().sameValues(resumed.value().policy().parameters()));
        assertTrue(resumed.log().contains("WARN") && resumed.log().contains(newest.toString())
                && resumed.log().contains(says)
                && resumed.log().contains("pretraining resumes from " + entry.resolve("progress-0000000002.ckpt")),
                "warns naming the file, why and what is used: " + resumed.log());
        assertTrue(Files.exists(entry.resolve("progress-0000000004.ckpt.damaged")), "set aside, not deleted");
        assertEquals(List.of(), BaseModelStore.progress(entry).files());
    }

    /** Pretraining keeps no logs, so starting it over loses nothing but time. */
    @Test
    void whenNoProgressCheckpointReadsPretrainingStartsOverWithAWarningAndEndsTheSame() throws Exception {
        BaseModelStore.Base uninterrupted = new BaseModelStore(directory.resolve("a"), 2)
                .obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> { });
        BaseModelStore store = killedAtStep4(directory.resolve("b"));
        Path entry = store.directory(BaseModelStore.specHash(SPEC, DOMAINS, TOKENIZER));
        for (Path file : BaseModelStore.progress(entry).files()) {
            Files.write(file, new byte[] {1, 2, 3});
        }
        List<Long> steps = new ArrayList<>();
        CapturedLog.Captured<BaseModelStore.Base> resumed = CapturedLog.during(() -> store.obtain(SPEC, DOMAINS,
                TOKENIZER, (step, total, result) -> steps.add(step)));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), steps);
        assertTrue(uninterrupted.policy().parameters().sameValues(resumed.value().policy().parameters()));
        assertTrue(resumed.log().contains(entry.resolve("progress-0000000002.ckpt") + " is truncated")
                && resumed.log().contains(entry.resolve("progress-0000000004.ckpt") + " is truncated")
                && resumed.log().contains("pretraining starts over"), resumed.log());
    }

    /** Before it kept two, cpt4j kept one progress checkpoint, {@code progress.ckpt}; a killed run of then resumes. */
    @Test
    void aProgressCheckpointOfAnEarlierCpt4jIsResumedFrom() throws IOException {
        BaseModelStore.Base uninterrupted = new BaseModelStore(directory.resolve("a"), 2)
                .obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> { });
        BaseModelStore store = killedAtStep4(directory.resolve("b"));
        Path entry = store.directory(BaseModelStore.specHash(SPEC, DOMAINS, TOKENIZER));
        Files.move(entry.resolve("progress-0000000004.ckpt"), entry.resolve("progress.ckpt"));
        Files.delete(entry.resolve("progress-0000000002.ckpt"));
        List<Long> steps = new ArrayList<>();
        BaseModelStore.Base resumed = store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> steps.add(step));
        assertEquals(List.of(4L, 5L), steps);
        assertTrue(uninterrupted.policy().parameters().sameValues(resumed.policy().parameters()));
        assertFalse(Files.exists(entry.resolve("progress.ckpt")), "deleted with the series once done");
    }

    /**
     * The finished model is what the entry's evaluation and every experiment begun from it are about: a damaged one
     * is not trained again behind their back but refused, naming it and the entry to delete.
     */
    @Test
    void aDamagedCachedBaseModelIsRefusedNamingItAndTheEntryToDelete() throws IOException {
        BaseModelStore store = new BaseModelStore(directory, 2);
        BaseModelStore.Base first = store.obtain(SPEC, DOMAINS, TOKENIZER, (step, total, result) -> { });
        Path finished = first.directory().resolve("base.ckpt");
        for (Damage damage : List.<Damage>of(
                file -> Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 4000)),
                file -> CraftedPolicyState.rewriteHeader(file, header -> CraftedPolicyState.declareModel(header,
                        ModelConfig.of(m -> m.layers(1).width(32768).heads(2).context(32)
                                .vocabulary(TOKENIZER.vocabularySize())))),
                file -> {
                    Checkpoint read = CheckpointFile.read(file);
                    CheckpointFile.write(file, new Checkpoint("another", read.step(), read.streamSeed(),
                            read.policy(), read.groups(), read.loop()));
                })) {
            byte[] good = Files.readAllBytes(finished);
            damage.apply(finished);
            List<Long> steps = new ArrayList<>();
            IOException error = assertThrows(IOException.class, () -> store.obtain(SPEC, DOMAINS, TOKENIZER,
                    (step, total, result) -> steps.add(step)));
            assertTrue(error.getMessage().startsWith("the cached base model cannot be used: " + finished)
                    && error.getMessage().endsWith("; delete " + first.directory() + " to pretrain it again"),
                    error.getMessage());
            assertEquals(List.of(), steps, "nothing was trained");
            Files.write(finished, good);
        }
    }

    @Test
    void anyChangeOfTheSpecChangesTheHash() {
        String hash = BaseModelStore.specHash(SPEC, DOMAINS, TOKENIZER);
        assertEquals(hash, BaseModelStore.specHash(PretrainSpec.of(p -> p.mix("successor").steps(6).batchSize(4)
                .model(m -> m.layers(1).width(16).heads(2).context(32))), DOMAINS, TOKENIZER));
        assertNotEquals(hash, BaseModelStore.specHash(PretrainSpec.of(p -> p.mix("successor").steps(6).batchSize(4)
                .model(m -> m.layers(1).width(16).heads(2).context(32)).seed(8)), DOMAINS, TOKENIZER));
        assertNotEquals(hash, BaseModelStore.specHash(SPEC, DOMAINS, Tokenizer.of("0123456789+=;x")));
    }

    /** Stands for the process being killed mid-run. */
    private static final class Killed extends RuntimeException {
    }
}
