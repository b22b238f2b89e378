package org.cpt4j.plugins.objectives;

/** What GRPO divides group-centred rewards by (TRL's {@code scale_rewards}). */
public enum ScaleRewards {
    /** The group's standard deviation (the original GRPO; verl {@code norm_adv_by_std_in_grpo=True}). */
    GROUP,
    /** The whole batch's standard deviation (TRL {@code "batch"}). */
    BATCH,
    /** Nothing: advantages are centred rewards (Dr. GRPO; verl {@code norm_adv_by_std_in_grpo=False}). */
    NONE
}
