package org.cpt4j.reward;

import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;

/**
 * Scores one response; a single method, so a lambda (or a Kotlin lambda) is a reward model. Scores must be
 * finite and deterministic.
 */
@FunctionalInterface
public interface RewardModel {

    /**
     * @param task the task the response answers
     * @param response the response's text, without the end-of-sequence token
     * @param verdict the domain verifier's verdict on it
     * @param tokens number of generated tokens, end-of-sequence included
     * @return the reward
     */
    double score(Task task, String response, Verdict verdict, int tokens);
}
