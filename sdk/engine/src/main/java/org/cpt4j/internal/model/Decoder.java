package org.cpt4j.internal.model;

/**
 * The transformer's forward pass with a key/value cache, over a live {@link Parameters} set, for generation and
 * for scoring whole sequences: {@link #prefill} reads a batch of equal-length prompts, {@link #next} one more token
 * per row, each returning the logits of the next token. Two implementations compute the same function:
 * {@link CachedDecoder} in ND4J ops, {@link JavaDecoder} in plain Java loops (faster at small shapes). Not
 * thread-safe; one decoder serves one batch at a time.
 */
public interface Decoder {

    /** @return the number of tokens read so far per row (the position of the next token) */
    int position();

    /**
     * Starts a new batch: reads prompts {@code [B][P]} (all of length {@code P}), fills the cache with their keys and
     * values and returns the logits {@code [B][V]} of the token after each prompt.
     */
    float[][] prefill(int[][] prompts);

    /** Reads one more token per row ({@code [B]}) and returns the logits {@code [B][V]} of the token after it. */
    float[][] next(int[] tokens);

    /**
     * @return the logits at every position of equal-length sequences {@code [B][L]}, {@code [B·L][V]} (row
     *     {@code b·L + t} predicts the token after position {@code t}); also leaves the cache filled, as
     *     {@link #prefill} does
     */
    float[][] logitsAtEveryPosition(int[][] sequences);
}
