package org.cpt4j.internal.pretrain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpt4j.domain.Domain;
import org.cpt4j.internal.store.Checkpoint;
import org.cpt4j.internal.store.CheckpointFile;
import org.cpt4j.internal.store.CheckpointSeries;
import org.cpt4j.internal.store.DirectoryLock;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.store.UnreadableFileException;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.run.Arithmetic;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.text.Tokenizer;

/**
 * Pretrained base models, cached by a hash of everything that decides them: a second run of the same spec
 * reuses the first one's model, and a killed run resumes from its last checkpoint.
 *
 * <p>Layout under the cache root: {@code base-<hash>/} holding {@code spec.json} (what was asked),
 * {@code tokenizer.json}, {@code progress-NNNNNNNNNN.ckpt} (the two latest checkpoints while training, named by
 * their step; {@code progress.ckpt}, the one an earlier cpt4j kept, is resumed from too), {@code base.ckpt} (the
 * finished model; its presence means done) and {@code arithmetic.json} (the {@link Arithmetic} it was trained
 * with). Every file is written atomically.
 *
 * <p>A damaged newest progress checkpoint is passed over for the one before it, with a warning
 * ({@link CheckpointSeries}); when none reads, pretraining starts over, which loses nothing but time since it keeps no
 * logs. A damaged {@code base.ckpt} is refused, naming the file and the entry to delete: the entry's evaluation and
 * every experiment started from it belong to that model.
 *
 * <p>The hash covers what was asked, not the machine: a cached model is reused as it is on any machine, which keeps
 * an experiment that resumes elsewhere consistent with the base it started from. Training the same spec on a
 * machine whose arithmetic rounds differently (another OpenBLAS kernel) gives a different model;
 * {@link Base#trainedWith()} tells the caller when that is the case.
 */
public final class BaseModelStore {

    /** Bumped whenever the example stream or the training loop changes what a spec produces. */
    static final int RECIPE_VERSION = 1;
    static final String FINISHED = "base.ckpt";
    /** What the progress checkpoints' names begin with, before the step. */
    static final String PROGRESS_PREFIX = "progress-";
    /** The one progress checkpoint cpt4j kept before it kept a series: resumed from as the oldest. */
    static final String LEGACY_PROGRESS = "progress.ckpt";
    private static final int PROGRESS_KEPT = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A base model, whether it came from the cache, and the arithmetic it was trained with (empty for models
     * cached before cpt4j recorded it).
     */
    public record Base(TransformerPolicy policy, Tokenizer tokenizer, String specHash, Path directory, boolean cached,
                       Optional<Arithmetic> trainedWith) {
    }

    private final Path root;
    private final int checkpointEvery;

    /** @param checkpointEvery steps between progress checkpoints, at least 1 */
    public BaseModelStore(Path root, int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be at least 1, was " + checkpointEvery);
        }
        this.root = root;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * @return the hash of a pretraining: the spec, the domains' ids and families, the tokenizer's characters and
     *     the recipe version, as SHA-256 hex
     */
    public static String specHash(PretrainSpec spec, List<Domain> domains, Tokenizer tokenizer) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(Map.of(
                    "recipe", RECIPE_VERSION,
                    "spec", spec,
                    "domains", domains.stream().map(d -> d.id() + "/" + d.family()).toList(),
                    "tokenizer", tokenizer.characters()));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the pretraining spec", e);
        }
    }

    /** @return the directory of a spec hash */
    public Path directory(String specHash) {
        return root.resolve("base-" + specHash.substring(0, 16));
    }

    /**
     * @return the finished base model of {@code spec}: from the cache when there, else trained (resuming the
     *     latest progress checkpoint if one exists)
     */
    public Base obtain(PretrainSpec spec, List<Domain> domains, Tokenizer tokenizer, Pretrainer.Listener listener)
            throws IOException {
        String hash = specHash(spec, domains, tokenizer);
        Path directory = directory(hash);
        Path finished = directory.resolve(FINISHED);
        Pretrainer pretrainer = new Pretrainer(spec, domains, new PromptFormat(tokenizer));
        if (Files.exists(finished)) {
            Checkpoint done;
            try {
                done = CheckpointFile.readFor(finished, hash);
                requireModel(finished, done, pretrainer.model());
            } catch (IOException e) {
                throw new UnreadableFileException("the cached base model cannot be used: " + e.getMessage()
                        + "; delete " + directory + " to pretrain it again", e);
            }
            Path arithmetic = directory.resolve(FileFormat.ARITHMETIC.file());
            Optional<Arithmetic> trainedWith = Files.exists(arithmetic)
                    ? Optional.of(FileFormat.ARITHMETIC.read(arithmetic, JSON, Arithmetic.class)) : Optional.empty();
            return new Base(TransformerPolicy.fromState(done.policy()), tokenizer, hash, directory, true, trainedWith);
        }
        // one writer per cache entry: a second process pretraining the same base is refused, naming the first
        try (DirectoryLock lock = DirectoryLock.acquire(directory, "base-model cache entry")) {
            AtomicFiles.removeInterruptedWrites(directory);
            return pretrain(spec, hash, directory, pretrainer, tokenizer, listener);
        }
    }

    /** Pretrains {@code spec}'s base model into {@code directory}, resuming its newest readable progress checkpoint. */
    private Base pretrain(PretrainSpec spec, String hash, Path directory, Pretrainer pretrainer, Tokenizer tokenizer,
                          Pretrainer.Listener listener) throws IOException {
        FileFormat.BASE_SPEC.write(directory.resolve(FileFormat.BASE_SPEC.file()), JSON, spec);
        tokenizer.write(directory.resolve("tokenizer.json"));
        CheckpointSeries progress = progress(directory);
        CheckpointSeries.Search<Checkpoint> search = progress.newestReadable(hash, (file, checkpoint) -> {
            requireModel(file, checkpoint, pretrainer.model());
            if (checkpoint.step() >= spec.steps()) {
                throw new IOException(file + " is a progress checkpoint after step " + checkpoint.step()
                        + ", but the spec trains " + spec.steps() + " steps");
            }
            return checkpoint;
        });
        TransformerPolicy policy;
        long step;
        if (search.newest().isPresent()) {
            CheckpointSeries.Found<Checkpoint> resumed = search.newest().get();
            progress.setAside(search.damaged(), "pretraining resumes from " + resumed.file() + " instead");
            policy = TransformerPolicy.fromState(resumed.value().policy());
            step = resumed.value().step();
        } else {
            // pretraining keeps no logs: starting over loses nothing but time, and ends with the same model
            progress.setAside(search.damaged(), "no older progress checkpoint reads, so pretraining starts over");
            policy = pretrainer.initialPolicy();
            step = 0;
        }
        Arithmetic arithmetic = Arithmetic.ofThisMachine();
        while (step < spec.steps()) {
            long until = Math.min(spec.steps(), (step / checkpointEvery + 1) * checkpointEvery);
            pretrainer.train(policy, step, until, listener);
            step = until;
            Checkpoint checkpoint = new Checkpoint(hash, step, spec.seed(), policy.state(), Map.of(),
                    JSON.createObjectNode());
            if (step < spec.steps()) {
                CheckpointFile.write(progress.file(step), checkpoint);
                progress.keepNewest(PROGRESS_KEPT);
            } else {
                FileFormat.ARITHMETIC.write(directory.resolve(FileFormat.ARITHMETIC.file()), JSON, arithmetic);
                CheckpointFile.write(directory.resolve(FINISHED), checkpoint);
            }
        }
        progress.keepNewest(0);
        return new Base(policy, tokenizer, hash, directory, false, Optional.of(arithmetic));
    }

    /** @return the progress checkpoints of the cache entry in {@code directory} */
    static CheckpointSeries progress(Path directory) {
        return new CheckpointSeries(directory, PROGRESS_PREFIX, LEGACY_PROGRESS);
    }

    private static void requireModel(Path file, Checkpoint checkpoint, ModelConfig model) throws IOException {
        if (!checkpoint.policy().model().equals(model)) {
            throw new IOException(file + " holds a policy of model " + checkpoint.policy().model() + "; the spec's is "
                    + model);
        }
    }
}
