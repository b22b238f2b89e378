package org.cpt4j.plugins.collapse;

import java.util.List;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.NoParameters;

/**
 * The built-in collapse detectors, each declared once, and their specs for the DSL:
 * {@code .collapse(Collapse.entropyBelow(0.05))}.
 */
public final class Collapse {

    /** Consecutive steps a threshold detector waits before it fires, unless a spec says otherwise. */
    public static final int DEFAULT_PATIENCE = 3;

    /** {@code entropyBelow}: the sampling entropy under a threshold (0.05 by default) for 3 steps. */
    public static final Component<Threshold, CollapseDetector> ENTROPY_BELOW = Component.of(ComponentKind.COLLAPSE,
            "entropyBelow", new Threshold(0.05, DEFAULT_PATIENCE), CollapseDetectors::entropyBelow);
    /** {@code formatFailureAbove}: the malformed-answer rate over a threshold (0.5 by default) for 3 steps. */
    public static final Component<Threshold, CollapseDetector> FORMAT_FAILURE_ABOVE = Component.of(
            ComponentKind.COLLAPSE, "formatFailureAbove", new Threshold(0.5, DEFAULT_PATIENCE),
            CollapseDetectors::formatFailureAbove);
    /** {@code truncationAbove}: the share of rollouts that hit the length limit over 0.5 (default) for 3 steps. */
    public static final Component<Threshold, CollapseDetector> TRUNCATION_ABOVE = Component.of(ComponentKind.COLLAPSE,
            "truncationAbove", new Threshold(0.5, DEFAULT_PATIENCE), CollapseDetectors::truncationAbove);
    /** {@code repetitionAbove}: the share of looping responses over 0.5 (default) for 3 steps. */
    public static final Component<Threshold, CollapseDetector> REPETITION_ABOVE = Component.of(ComponentKind.COLLAPSE,
            "repetitionAbove", new Threshold(0.5, DEFAULT_PATIENCE), CollapseDetectors::repetitionAbove);
    /** {@code divergenceAbove}: the objective's teacher-student divergence over 1.0 (default) for 3 steps. */
    public static final Component<Threshold, CollapseDetector> DIVERGENCE_ABOVE = Component.of(ComponentKind.COLLAPSE,
            "divergenceAbove", new Threshold(1.0, DEFAULT_PATIENCE), CollapseDetectors::divergenceAbove);
    /** {@code nonFinite}: any step with a non-finite loss or gradient. */
    public static final Component<NoParameters, CollapseDetector> NON_FINITE =
            Component.of(ComponentKind.COLLAPSE, "nonFinite", CollapseDetectors::nonFinite);

    /** Every declaration above, in order: what {@code BuiltInPlugin} registers (a test checks none is left out). */
    public static final List<Component<?, ?>> ALL = List.of(ENTROPY_BELOW, FORMAT_FAILURE_ABOVE, TRUNCATION_ABOVE,
            REPETITION_ABOVE, DIVERGENCE_ABOVE, NON_FINITE);

    private Collapse() {
    }

    /** @return {@code entropyBelow}: the sampling entropy under {@code threshold} for 3 steps */
    public static ComponentSpec entropyBelow(double threshold) {
        return ENTROPY_BELOW.spec(new Threshold(threshold, DEFAULT_PATIENCE));
    }

    /** @return {@code formatFailureAbove}: the malformed-answer rate over {@code rate} for 3 steps */
    public static ComponentSpec formatFailureAbove(double rate) {
        return FORMAT_FAILURE_ABOVE.spec(new Threshold(rate, DEFAULT_PATIENCE));
    }

    /**
     * @return {@code truncationAbove}: the fraction of rollouts that hit the length limit over {@code rate} for 3
     *     steps (responses running on, as a collapsing self-distilled policy's do)
     */
    public static ComponentSpec truncationAbove(double rate) {
        return TRUNCATION_ABOVE.spec(new Threshold(rate, DEFAULT_PATIENCE));
    }

    /** @return {@code repetitionAbove}: the share of looping responses over {@code rate} for 3 steps */
    public static ComponentSpec repetitionAbove(double rate) {
        return REPETITION_ABOVE.spec(new Threshold(rate, DEFAULT_PATIENCE));
    }

    /**
     * @return {@code divergenceAbove}: the objective's teacher-student divergence (SDPO's {@code divergence}
     *     diagnostic) over {@code threshold} for 3 steps
     */
    public static ComponentSpec divergenceAbove(double threshold) {
        return DIVERGENCE_ABOVE.spec(new Threshold(threshold, DEFAULT_PATIENCE));
    }

    /** @return {@code nonFinite}: any step with a non-finite loss or gradient */
    public static ComponentSpec nonFinite() {
        return NON_FINITE.spec();
    }
}
