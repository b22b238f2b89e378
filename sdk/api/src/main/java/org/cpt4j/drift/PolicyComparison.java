package org.cpt4j.drift;

import java.util.List;

/**
 * The two policies a drift measurement compares, the reference (the base) and the current one, by their
 * parameters and by their responses to a fixed probe set: held-out prompts of every evaluated domain, the same
 * at every measurement of an experiment. Responses are computed on first use and shared by every metric of one
 * measurement.
 */
public interface PolicyComparison {

    /** @return the reference policy's parameters */
    ParameterView reference();

    /** @return the current policy's parameters */
    ParameterView current();

    /** @return both policies' greedy responses to each probe prompt, in a fixed order */
    List<ProbeResponse> greedyResponses();

    /**
     * @return {@code KL(π_θ ‖ π_ref)} per token on the current policy's own samples: responses to the probe
     *     prompts sampled from {@code π_θ} at temperature 1, and at each response position the exact divergence
     *     over the vocabulary, averaged over all response tokens (the study's response drift)
     */
    double sampledTokenKl();

    /**
     * One probe prompt and both policies' greedy responses to it.
     *
     * @param domain the domain the prompt comes from
     * @param prompt the question, as text
     * @param reference the reference policy's response, as text
     * @param current the current policy's response, as text
     * @param referenceTokens the reference response's length in tokens
     * @param currentTokens the current response's length in tokens
     */
    record ProbeResponse(String domain, String prompt, String reference, String current, int referenceTokens,
                         int currentTokens) {
    }
}
