package org.cpt4j.reward;

import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;

/**
 * Scores one response; a single method, so a lambda (or a Kotlin lambda) is a reward model. Scores must be
 * deterministic and finite, or {@link #UNSCORABLE} for a response the model cannot score.
 */
@FunctionalInterface
public interface RewardModel {

    /**
     * The score of a response this model cannot score (TRL's reward function returning {@code None}): left out of the
     * weighted sum; a response no component can score is unscorable, left out of its group's statistics and given
     * advantage 0 ({@code GroupAdvantages}).
     */
    double UNSCORABLE = Double.NaN;

    /**
     * @param task the task the response answers
     * @param response the response's text, without the end-of-sequence token
     * @param verdict the domain verifier's verdict on it
     * @param tokens number of generated tokens, end-of-sequence included
     * @return the reward, or {@link #UNSCORABLE}
     */
    double score(Task task, String response, Verdict verdict, int tokens);
}
