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
import java.util.List;
import org.cpt4j.domain.Domain;
import org.cpt4j.testing.FixtureDomain;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertFalse(Files.exists(first.directory().resolve(BaseModelStore.PROGRESS)), "progress checkpoint removed");
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
