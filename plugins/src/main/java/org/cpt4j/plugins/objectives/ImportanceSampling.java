package org.cpt4j.plugins.objectives;

/** At which level GRPO's importance ratio {@code π_θ / π_old} is taken (TRL's {@code importance_sampling_level}). */
public enum ImportanceSampling {
    /** Each token's own ratio {@code exp(s − s_old)} (TRL {@code "token"}, the original GRPO; verl's vanilla loss). */
    TOKEN,
    /**
     * One ratio per response, the exponential of its tokens' mean log-ratio
     * {@code exp(Σ_t m·(s − s_old) / max(Σ_t m, 1))}, shared by its tokens (GSPO, Zheng et al. 2025; TRL
     * {@code "sequence"}).
     */
    SEQUENCE,
    /**
     * GSPO-token: each token's weight is {@code exp(s − sg(s) + sg(log w_seq))}, the sequence ratio in value with each
     * token's own gradient (TRL's experimental {@code "sequence_token"}).
     */
    SEQUENCE_TOKEN
}
