package org.cpt4j.engine;

import java.nio.file.Path;
import java.util.Optional;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.run.Arithmetic;

/**
 * A pretrained base model in the cache.
 *
 * @param specHash the hash of its pretraining spec, domains and tokenizer (its cache key, docs/domains.md)
 * @param directory where it is kept
 * @param cached whether it came from the cache (else it was trained now)
 * @param model its configuration, the vocabulary set by the tokenizer
 * @param trainedWith the arithmetic it was trained with; empty for models cached before cpt4j recorded it
 */
public record BaseModel(String specHash, Path directory, boolean cached, ModelConfig model,
                        Optional<Arithmetic> trainedWith) {
}
