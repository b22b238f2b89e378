package org.cpt4j.objective;

/**
 * Names of the inputs the trainer provides in an {@link ObjectiveBatch}, so that objectives from different
 * jars read the same arrays.
 */
public final class StandardInputs {

    /**
     * Per token: log-probability of the sampled token under the policy before this step's update: the sampler's,
     * or, when the objective asks for {@link #ROLLOUT_LOG_PROBS}, the training forward pass's (verl's recomputed
     * {@code old_log_prob}).
     */
    public static final String OLD_LOG_PROBS = "old_log_probs";
    /**
     * Per token: log-probability of the sampled token as the sampler computed it (verl's {@code rollout_log_probs}).
     * An objective that asks for it gets {@link #OLD_LOG_PROBS} from the training forward pass, so that the two differ
     * by what the sampler's arithmetic and the trainer's do (rollout correction).
     */
    public static final String ROLLOUT_LOG_PROBS = "rollout_log_probs";
    /** Per token: log-probability of the sampled token under the reference policy. */
    public static final String REFERENCE_LOG_PROBS = "reference_log_probs";
    /** Per token: the sequence's advantage, repeated over its tokens. */
    public static final String ADVANTAGES = "advantages";
    /** Per token distribution: the teacher's log-probabilities of every token. */
    public static final String TEACHER_LOG_PROBS = "teacher_log_probs";
    /** Per token: the teacher's log-probability of the sampled token. */
    public static final String TEACHER_TOKEN_LOG_PROBS = "teacher_token_log_probs";
    /** Per token: which tokens the distillation loss reads (response, has a teacher context, not dropped). */
    public static final String DISTILLATION_MASK = "distillation_mask";
    /** Per token distribution: 1 on the entries of the distillation support (the student's top-k), else 0. */
    public static final String DISTILLATION_SUPPORT = "distillation_support";

    /** Per token distribution: the sampling policy's log-probabilities of every token (for top-k supports). */
    public static final String STUDENT_LOG_PROBS = "student_log_probs";

    private StandardInputs() {
    }
}
