package org.cpt4j.plugins;

import org.cpt4j.spec.Problems;

/** The parameter records of the built-in components that are not configured by a record of their own. */
final class BuiltInParameters {

    private BuiltInParameters() {
    }

    /** No parameters. */
    record None() {
    }

    /** A rate within [0, 1] (EMA, trust region). */
    record Rate(double rate) {
        Rate {
            new Problems("teacher").require(rate >= 0 && rate <= 1, "rate", "must be within [0, 1], was " + rate)
                    .throwIfAny("teacher parameters");
        }
    }

    /** A period in steps. */
    record Every(int every) {
        Every {
            new Problems("teacher").require(every >= 1, "every", "must be at least 1 step, was " + every)
                    .throwIfAny("teacher parameters");
        }
    }

    /** The anchor's weight within [0, 1]. */
    record AnchorWeight(double anchorWeight) {
        AnchorWeight {
            new Problems("teacher").require(anchorWeight >= 0 && anchorWeight <= 1, "anchorWeight",
                    "must be within [0, 1], was " + anchorWeight).throwIfAny("teacher parameters");
        }
    }

    /** A token budget. */
    record Budget(int budget) {
        Budget {
            new Problems("reward").require(budget >= 1, "budget", "must be at least 1 token, was " + budget)
                    .throwIfAny("reward parameters");
        }
    }
}
