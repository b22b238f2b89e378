package org.cpt4j.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers one arm measured at one point of its run, by tag. Tags read like TensorBoard's, a group then a name:
 * {@code train/rewardMean}, {@code train/diagnostics/divergence}, {@code train/rewardComponents/correct} for a
 * step's metrics ({@code StepMetrics}, its timings included); {@code eval/<domain>} for each domain's accuracy at
 * an evaluation and {@code eval/teacher/<domain>} for the teacher's; {@code drift/<metric>/<value>} for a drift
 * measurement after a stage.
 *
 * @param arm the arm
 * @param step the arm's steps done when the numbers were taken: {@code s + 1} for the metrics of step {@code s}
 *     (0-based), {@code n} for an evaluation or a drift measurement after {@code n} steps, so that every tag of a
 *     point shares its step; a rollback sends an arm back to an earlier step, and its later steps come again
 * @param values each number by its tag, in a stable order; values may be NaN where a measure is undefined
 */
public record Scalars(String arm, long step, Map<String, Double> values) {

    public Scalars {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
