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
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.run.Arithmetic;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.text.Tokenizer;

/**
 * Pretrained base models, cached by a hash of everything that decides them: a second run of the same spec
 * reuses the first one's model, and a killed run resumes from its last checkpoint.
 *
 * <p>Layout under the cache root: {@code base-<hash>/} holding {@code spec.json} (what was asked),
 * {@code tokenizer.json}, {@code progress.ckpt} (the latest checkpoint while training) and {@code base.ckpt}
 * (the finished model; its presence means done) and {@code arithmetic.json} (the {@link Arithmetic} it was trained
 * with). Every file is written atomically.
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
    static final String PROGRESS = "progress.ckpt";
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
        if (Files.exists(finished)) {
            Checkpoint done = CheckpointFile.readFor(finished, hash);
            Path arithmetic = directory.resolve(FileFormat.ARITHMETIC.file());
            Optional<Arithmetic> trainedWith = Files.exists(arithmetic)
                    ? Optional.of(FileFormat.ARITHMETIC.read(arithmetic, JSON, Arithmetic.class)) : Optional.empty();
            return new Base(TransformerPolicy.fromState(done.policy()), tokenizer, hash, directory, true, trainedWith);
        }
        Files.createDirectories(directory);
        FileFormat.BASE_SPEC.write(directory.resolve(FileFormat.BASE_SPEC.file()), JSON, spec);
        tokenizer.write(directory.resolve("tokenizer.json"));
        Pretrainer pretrainer = new Pretrainer(spec, domains, new PromptFormat(tokenizer));
        Path progress = directory.resolve(PROGRESS);
        TransformerPolicy policy;
        long step;
        if (Files.exists(progress)) {
            Checkpoint resumed = CheckpointFile.readFor(progress, hash);
            policy = TransformerPolicy.fromState(resumed.policy());
            step = resumed.step();
        } else {
            policy = pretrainer.initialPolicy();
            step = 0;
        }
        Arithmetic arithmetic = Arithmetic.ofThisMachine();
        while (step < spec.steps()) {
            long until = Math.min(spec.steps(), (step / checkpointEvery + 1) * checkpointEvery);
            pretrainer.train(policy, step, until, listener);
            step = until;
            if (step == spec.steps()) {
                FileFormat.ARITHMETIC.write(directory.resolve(FileFormat.ARITHMETIC.file()), JSON, arithmetic);
            }
            CheckpointFile.write(step < spec.steps() ? progress : finished,
                    new Checkpoint(hash, step, spec.seed(), policy.state(), Map.of(), JSON.createObjectNode()));
        }
        Files.deleteIfExists(progress);
        return new Base(policy, tokenizer, hash, directory, false, Optional.of(arithmetic));
    }
}
