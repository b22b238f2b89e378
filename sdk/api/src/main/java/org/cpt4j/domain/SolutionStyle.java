package org.cpt4j.domain;

/** How much reasoning a worked solution writes before its tagged answer. */
public enum SolutionStyle {
    /** The tagged answer alone. */
    ANSWER_ONLY,
    /** A short hint (a carry pattern, a length, match positions), then the answer. */
    SHORT,
    /** Every intermediate state (column sums with carries, running counts, positions), then the answer. */
    LONG
}
