package org.cpt4j.plugins.collapse;

import java.util.Map;
import org.cpt4j.experiment.ComponentSpec;

/** Specs of the built-in collapse detectors, for the DSL: {@code .collapse(Collapse.entropyBelow(0.05))}. */
public final class Collapse {

    /** Consecutive steps a threshold detector waits before it fires, unless a spec says otherwise. */
    public static final int DEFAULT_PATIENCE = 3;

    private Collapse() {
    }

    /** @return {@code entropyBelow}: the sampling entropy under {@code threshold} for 3 steps */
    public static ComponentSpec entropyBelow(double threshold) {
        return ComponentSpec.of("entropyBelow", Map.of("threshold", threshold, "patience", DEFAULT_PATIENCE));
    }

    /** @return {@code formatFailureAbove}: the malformed-answer rate over {@code rate} for 3 steps */
    public static ComponentSpec formatFailureAbove(double rate) {
        return ComponentSpec.of("formatFailureAbove", Map.of("threshold", rate, "patience", DEFAULT_PATIENCE));
    }

    /**
     * @return {@code truncationAbove}: the fraction of rollouts that hit the length limit over {@code rate} for 3
     *     steps (responses running on, as a collapsing self-distilled policy's do)
     */
    public static ComponentSpec truncationAbove(double rate) {
        return ComponentSpec.of("truncationAbove", Map.of("threshold", rate, "patience", DEFAULT_PATIENCE));
    }

    /** @return {@code repetitionAbove}: the share of looping responses over {@code rate} for 3 steps */
    public static ComponentSpec repetitionAbove(double rate) {
        return ComponentSpec.of("repetitionAbove", Map.of("threshold", rate, "patience", DEFAULT_PATIENCE));
    }

    /**
     * @return {@code divergenceAbove}: the objective's teacher-student divergence (SDPO's {@code divergence}
     *     diagnostic) over {@code threshold} for 3 steps
     */
    public static ComponentSpec divergenceAbove(double threshold) {
        return ComponentSpec.of("divergenceAbove", Map.of("threshold", threshold, "patience", DEFAULT_PATIENCE));
    }

    /** @return {@code nonFinite}: any step with a non-finite loss or gradient */
    public static ComponentSpec nonFinite() {
        return ComponentSpec.of("nonFinite");
    }
}
