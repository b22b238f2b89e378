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
 */
public record EvaluationPoint(Kind kind, int stage, int stageStep, long step, int attempt, Map<String, Double> accuracy) {

    public EvaluationPoint {
        accuracy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accuracy));
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
