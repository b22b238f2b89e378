package org.cpt4j.run;

import java.util.Map;

/**
 * One evaluation of an arm: its accuracy on every evaluated domain at one point of the run (a line of
 * {@code evaluations.jsonl}).
 *
 * @param kind when it was taken
 * @param stage the stage it belongs to, 0-based (0 for the base's)
 * @param stageStep steps of that stage done when it was taken (0 for the base's)
 * @param step steps of the arm done when it was taken
 * @param attempt the arm's attempt: 0, then one more after each rollback
 * @param accuracy accuracy on every evaluated domain, by id
 * @param teacherAccuracy for an arm whose objective distils from a teacher, the teacher's accuracy on every
 *     evaluated domain with the task's worked solution as privileged context, at the base's evaluation, each
 *     stage's end and where a rule stopped the arm (not inside stages); empty otherwise, and for a teacher whose
 *     logits mix two models; the teacher's advantage on a domain is its accuracy minus {@code accuracy}'s
 */
public record EvaluationPoint(Kind kind, int stage, int stageStep, long step, int attempt, Map<String, Double> accuracy,
                              Map<String, Double> teacherAccuracy) {

    public EvaluationPoint {
        accuracy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accuracy));
        // a line of evaluations.jsonl version 1 has no teacher accuracy
        teacherAccuracy = teacherAccuracy == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(teacherAccuracy));
    }

    /** An evaluation without the teacher's accuracy. */
    public EvaluationPoint(Kind kind, int stage, int stageStep, long step, int attempt, Map<String, Double> accuracy) {
        this(kind, stage, stageStep, step, attempt, accuracy, Map.of());
    }

    /** When an evaluation is taken. */
    public enum Kind {
        /** Before the first stage. */
        BASE,
        /** Inside a stage, every {@code evaluation.everySteps} steps. */
        IN_STAGE,
        /** At the end of a stage: the accuracy matrix's row. */
        STAGE_END,
        /** Where a collapse rule stopped the arm: the last row of its accuracy matrix. */
        STOPPED
    }
}
