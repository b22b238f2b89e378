package org.cpt4j.internal.run;

import java.util.List;
import java.util.Locale;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.run.StepMetrics;

/**
 * Stops an arm that has diverged, whatever detectors its spec names: once {@value #STEPS} steps in a row had every
 * update skipped (non-finite gradients) or a loss that is not finite, the model is dead and more steps only burn time,
 * so the arm ends there with a {@code diverged} event (exit status 3 on the command line), never silently. The count
 * is rebuilt from the lineage's metrics on a resume or a rollback, so a killed run stops where an unkilled one does.
 */
final class DivergenceWatch implements ArmPhase {

    /** Steps in a row without a finite update after which an arm is stopped. */
    static final int STEPS = 5;
    /** The detector name of the event. */
    static final String DETECTOR = "diverged";

    private final int epochs;
    private int inARow;

    /** @param epochs the updates a step makes (the objective's epochs) */
    DivergenceWatch(int epochs) {
        this.epochs = epochs;
    }

    /** Takes up the count of the steps up to a checkpoint: the trailing run of diverged steps of {@code lineage}. */
    void resume(List<StepMetrics> lineage) {
        inARow = 0;
        lineage.forEach(this::count);
    }

    @Override
    public Directive afterStep(ArmState arm, StepMetrics metrics) {
        count(metrics);
        if (inARow < STEPS) {
            return Directive.CONTINUE;
        }
        return Directive.stop(new CollapseEvent(DETECTOR, metrics.step(), String.format(Locale.ROOT,
                "%d steps in a row without a finite update (last: loss %s, gradient norm %s, %d of %d updates skipped); "
                        + "a smaller learning rate or a gentler objective would keep it finite", inARow,
                metrics.loss(), metrics.gradientNorm(), metrics.skippedUpdates(), epochs),
                CollapseEvent.Severity.CRITICAL));
    }

    private void count(StepMetrics metrics) {
        boolean diverged = metrics.skippedUpdates() >= epochs || !Double.isFinite(metrics.loss());
        inARow = diverged ? inARow + 1 : 0;
    }
}
