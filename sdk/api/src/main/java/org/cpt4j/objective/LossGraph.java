package org.cpt4j.objective;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The SameDiff graph an {@link Objective} declares its loss on: the student's distributions over {@code B}
 * sequences of {@code L} positions, differentiable in the policy's parameters, and the named inputs of an
 * {@link ObjectiveBatch} as placeholders.
 *
 * <p>Per-token quantities are {@code [B, L]}; distributions are {@code [B·L, V]}, row {@code b·L + t} for
 * position {@code t} of sequence {@code b}.
 */
public interface LossGraph {

    /** @return the graph (for ops the methods below do not cover) */
    SameDiff sameDiff();

    /** @return positions per sequence, {@code L} */
    int length();

    /** @return vocabulary size, {@code V} */
    int vocabulary();

    /** @return the student's log-probabilities of every token, {@code [B·L, V]} */
    SDVariable logProbs();

    /** @return the student's log-probability of each target token, {@code [B, L]} */
    SDVariable tokenLogProbs();

    /** @return the entropy of the student's next-token distribution, {@code [B, L]} */
    SDVariable entropy();

    /** @return the batch's mask, {@code [B, L]} (1 on response tokens) */
    SDVariable mask();

    /** @return the placeholder of a per-token input of the batch, {@code [B, L]} */
    SDVariable perToken(String name);

    /** @return the placeholder of a per-token distribution input of the batch, {@code [B·L, V]} */
    SDVariable perTokenDistribution(String name);

    /** @return {@code x} with no gradient flowing back through it */
    SDVariable stopGradient(SDVariable x);
}
