package org.cpt4j.experiment;

/**
 * One stage of the curriculum: post-training on one domain.
 *
 * @param domain the domain's id
 * @param steps on-policy steps on it
 */
public record StageSpec(String domain, int steps) {

    /** The steps of a stage that names none. */
    public static final int DEFAULT_STEPS = 100;
}
