package org.cpt4j.objective;

/**
 * A training objective: a loss over the student's distributions at sampled tokens and the inputs of an
 * {@link ObjectiveBatch}. Built-ins are GRPO and SDPO; a plugin may add others.
 *
 * <p>An objective states its loss for two evaluators: {@link #define} on the SameDiff graph, which the trainer
 * differentiates, and {@link #referenceLoss} in plain Java double precision. The contract tests hold them
 * equal on generated inputs and check the graph's gradient by finite differences. A {@link FormulaObjective}
 * writes its loss once, over {@link TensorMath}, and gets both.
 */
public interface Objective {

    /** @return stable id, e.g. {@code grpo} */
    String id();

    /**
     * @return the inputs the trainer must compute for this objective among {@link StandardInputs#OLD_LOG_PROBS}
     *     (always provided), {@link StandardInputs#REFERENCE_LOG_PROBS}, {@link StandardInputs#TEACHER_LOG_PROBS}
     *     (with {@link StandardInputs#TEACHER_TOKEN_LOG_PROBS}) and {@link StandardInputs#STUDENT_LOG_PROBS}
     */
    default java.util.Set<String> requiredInputs() {
        return java.util.Set.of();
    }

    /**
     * @return the teacher's privileged context for each rollout (empty: the rollout gets no teacher), or an empty
     *     list when the objective has no teacher; called before {@link #prepare}
     */
    default java.util.List<java.util.Optional<String>> teacherContexts(Rollouts rollouts) {
        return java.util.List.of();
    }

    /** Adds the objective's own inputs (advantages, distillation masks) to the step's batch. */
    default void prepare(Rollouts rollouts, ObjectiveBatch.Builder batch) {
    }

    /**
     * @return the objective's own counts of a step's rollouts (after {@link #prepare}), reported with the step's
     *     diagnostics: e.g. SDPO's share of rollouts taught and of those taught from the verifier's feedback; none by
     *     default
     */
    default java.util.Map<String, Double> stepDiagnostics(Rollouts rollouts) {
        return java.util.Map.of();
    }

    /** @return optimisation passes over each step's batch */
    default int epochs() {
        return 1;
    }

    /** Declares the loss on {@code graph}; called once per graph the trainer builds. */
    LossTerms<org.nd4j.autodiff.samediff.SDVariable> define(LossGraph graph);

    /**
     * @param logits the student's logits, {@code [B][L][V]}
     * @param batch the batch the graph would be fed
     * @return the loss {@link #define} computes for these inputs, in double precision
     */
    default double referenceLoss(double[][][] logits, ObjectiveBatch batch) {
        return referenceLoss(logits, logits, batch);
    }

    /**
     * The reference with stop-gradient made explicit: quantities the graph computes under
     * {@link LossGraph#stopGradient} (importance weights, surrogate coefficients) are evaluated at
     * {@code detachedLogits}, everything else at {@code logits}. Its derivative in {@code logits} is the graph's
     * gradient; with equal arguments it is the loss.
     *
     * @param logits the student's logits, {@code [B][L][V]}
     * @param detachedLogits the logits the stop-gradient quantities are evaluated at
     * @param batch the batch the graph would be fed
     * @return the loss in double precision
     */
    double referenceLoss(double[][][] logits, double[][][] detachedLogits, ObjectiveBatch batch);
}
