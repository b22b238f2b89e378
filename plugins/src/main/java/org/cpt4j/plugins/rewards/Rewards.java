package org.cpt4j.plugins.rewards;

import java.util.List;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.NoParameters;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.spec.Problems;

/**
 * The built-in reward models, each declared once, and the default reward. A spec names one as
 * {@code Rewards.LENGTH_PENALTY.spec(new Rewards.Budget(16))}.
 */
public final class Rewards {

    /** A token budget. */
    public record Budget(int budget) {
        public Budget {
            new Problems("reward").require(budget >= 1, "budget", "must be at least 1 token, was " + budget)
                    .throwIfAny("reward parameters");
        }
    }

    /** {@code correctness}: 1 when the verifier judges the response correct, else 0. */
    public static final Component<NoParameters, RewardModel> CORRECTNESS =
            Component.of(ComponentKind.REWARD, "correctness", Rewards::correctness);
    /** {@code format}: 1 when the response's answer tags are well-formed, else 0. */
    public static final Component<NoParameters, RewardModel> FORMAT =
            Component.of(ComponentKind.REWARD, "format", Rewards::format);
    /** {@code lengthPenalty}: 0 within the budget (16 tokens by default), −1 at twice the budget. */
    public static final Component<Budget, RewardModel> LENGTH_PENALTY =
            Component.of(ComponentKind.REWARD, "lengthPenalty", new Budget(16), p -> lengthPenalty(p.budget()));

    /** Every declaration above, in order: what {@code BuiltInPlugin} registers (a test checks none is left out). */
    public static final List<Component<?, ?>> ALL = List.of(CORRECTNESS, FORMAT, LENGTH_PENALTY);

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
