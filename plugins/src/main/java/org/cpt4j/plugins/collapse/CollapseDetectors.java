package org.cpt4j.plugins.collapse;

import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.StepSignals;

/** The built-in collapse detectors, ready to use (specs name them through {@link Collapse}). */
public final class CollapseDetectors {

    private CollapseDetectors() {
    }

    /** @return a detector of the sampling entropy staying under the threshold */
    public static CollapseDetector entropyBelow(Threshold parameters) {
        return new ThresholdDetector("entropyBelow", "entropy", StepSignals::entropy, parameters.threshold(), true,
                parameters.patience());
    }

    /** @return a detector of the malformed-answer rate staying over the threshold */
    public static CollapseDetector formatFailureAbove(Threshold parameters) {
        return new ThresholdDetector("formatFailureAbove", "format failure rate", s -> 1 - s.formatValid(),
                parameters.threshold(), false, parameters.patience());
    }

    /** @return a detector of the truncated-rollout rate (responses hitting the length limit) staying over the threshold */
    public static CollapseDetector truncationAbove(Threshold parameters) {
        return new ThresholdDetector("truncationAbove", "truncated fraction", StepSignals::truncatedFraction,
                parameters.threshold(), false, parameters.patience());
    }

    /** @return a detector of the looping-response rate staying over the threshold */
    public static CollapseDetector repetitionAbove(Threshold parameters) {
        return new ThresholdDetector("repetitionAbove", "looping responses", StepSignals::repetition,
                parameters.threshold(), false, parameters.patience());
    }

    /**
     * @return a detector of the objective's teacher-student {@code divergence} diagnostic staying over the threshold
     *     (objectives without it never fire it)
     */
    public static CollapseDetector divergenceAbove(Threshold parameters) {
        return new ThresholdDetector("divergenceAbove", "teacher-student divergence",
                s -> s.diagnostics().getOrDefault("divergence", Double.NaN), parameters.threshold(), false,
                parameters.patience());
    }

    /** @return a detector of non-finite steps */
    public static CollapseDetector nonFinite() {
        return new NonFiniteUpdates();
    }
}
