package org.cpt4j.plugins.objectives;

/** How several reward components become GRPO's advantages (TRL's {@code multi_objective_aggregation}). */
public enum RewardAggregation {
    /** The weighted sum of the components is the reward, normalised per group as {@link ScaleRewards} says. */
    SUM_THEN_NORMALIZE,
    /**
     * Each component is normalised within its group first, the normalised scores are summed with their weights, and
     * the sum is normalised over the batch (GDPO; TRL {@code "normalize_then_sum"}, which ignores
     * {@code scale_rewards}).
     */
    NORMALIZE_THEN_SUM
}
