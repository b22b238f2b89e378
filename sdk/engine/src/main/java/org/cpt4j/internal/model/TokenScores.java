package org.cpt4j.internal.model;

/**
 * Per-position scores of a {@link SequenceBatch}, {@code [B][L]}: the log-probability of each target token
 * and the entropy (nats) of the predicted next-token distribution.
 */
public record TokenScores(float[][] logProbs, float[][] entropy) {
}
