package org.cpt4j.evaluation;

/**
 * How a policy did on {@code prompts} held-out tasks of one domain, greedy decoding.
 *
 * @param domain domain id
 * @param family the domain's family
 * @param prompts number of tasks evaluated
 * @param accuracy fraction answered correctly
 * @param formatValid fraction with well-formed answer tags
 * @param meanLength mean number of generated tokens, end-of-sequence included
 */
public record DomainScore(String domain, String family, int prompts, double accuracy, double formatValid,
                          double meanLength) {
}
