package org.cpt4j.plugins.rewards;

import java.util.List;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.reward.WeightedReward;

/** The built-in reward models and the default reward. */
public final class Rewards {

    private Rewards() {
    }

    /** @return 1 when the verifier judges the response correct, else 0 */
    public static RewardModel correctness() {
        return (task, response, verdict, tokens) -> verdict.correct() ? 1 : 0;
    }

    /** @return 1 when the response's answer tags are well-formed, else 0 */
    public static RewardModel format() {
        return (task, response, verdict, tokens) -> verdict.formatValid() ? 1 : 0;
    }

    /**
     * @return {@code −max(0, tokens − budget) / budget}: 0 within the budget, −1 at twice the budget
     * @throws IllegalArgumentException when the budget is not positive
     */
    public static RewardModel lengthPenalty(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("the length budget must be at least 1 token, was " + budget);
        }
        return (task, response, verdict, tokens) -> -Math.max(0, tokens - budget) / (double) budget;
    }

    /** @return correctness alone, weight 1: the verifiable reward of the study */
    public static WeightedReward verifiable() {
        return new WeightedReward(List.of(new WeightedReward.Component("correct", 1, correctness())));
    }
}
