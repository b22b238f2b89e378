package org.example.brevity;

import org.cpt4j.spec.Problems;

/**
 * The {@code brevity} reward's parameter.
 *
 * @param tokens responses of at most this many tokens earn 1, longer ones 0
 */
public record Budget(int tokens) {

    public Budget {
        new Problems("reward").require(tokens >= 1, "tokens", "must be at least 1, was " + tokens)
                .throwIfAny("brevity parameters");
    }
}
