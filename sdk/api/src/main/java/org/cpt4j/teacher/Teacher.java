package org.cpt4j.teacher;

/**
 * The operations a {@link TeacherSchedule} may apply to the teacher. The teacher has weights of its own
 * {@code θ_T} beside the policy's {@code θ}; the anchor {@code θ_A} is the policy's weights when post-training
 * started. Updates are in place: no graph is rebuilt and no policy is copied per step.
 */
public interface Teacher {

    /** {@code θ_T ← θ}. */
    void copyPolicy();

    /** {@code θ_T ← (1 − rate)·θ_T + rate·θ} (exponential moving average). */
    void moveTowardPolicy(double rate);

    /** {@code θ_T ← γ·θ_A + (1 − γ)·θ} with {@code γ = anchorWeight}. */
    void blendWithAnchor(double anchorWeight);

    /** From now on the teacher reads the live policy weights {@code θ} (no copy, no gradient). */
    void followPolicy();

    /**
     * From now on the teacher's logits are {@code lerp(z_A, z_θ, rate)}: the anchor's and the live policy's
     * logits on the teacher prompt (the official code's trust-region teacher).
     */
    void mixLogits(double rate);
}
