package org.cpt4j.run;

import java.util.Map;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.StageSpec;

/** Hears about a run's progress; every method does nothing by default. */
public interface RunListener {

    /** A listener that hears nothing. */
    RunListener SILENT = new RunListener() { };

    /** After pretraining step {@code step} (0-based) of {@code total} of a base model that was not cached. */
    default void onPretrainingStep(long step, long total, double loss, double learningRate) {
    }

    /**
     * After step {@code stageStep} (0-based) of stage {@code stage} (0-based, {@code spec} its spec) of arm
     * {@code arm}.
     */
    default void onStep(String arm, int stage, StageSpec spec, long stageStep, StepMetrics metrics) {
    }

    /**
     * After drift metric {@code metric} measured arm {@code arm} at the end of stage {@code stage} (0-based), after
     * {@code step} steps, against the base.
     */
    default void onDrift(String arm, int stage, long step, String metric, Map<String, Double> values) {
    }

    /** When a collapse detector reports {@code event} in arm {@code arm} (after that step's {@link #onStep}). */
    default void onCollapse(String arm, CollapseEvent event) {
    }

    /**
     * While arm {@code arm} is evaluated ({@code kind}: the base's, inside a stage, at a stage's end, where it stopped):
     * before each evaluated domain, {@code done} of {@code domains} scored so far.
     */
    default void onEvaluationProgress(String arm, EvaluationPoint.Kind kind, int done, int domains) {
    }

    /** After each evaluation of arm {@code arm}: the base's, one inside a stage, a stage end's, or where it stopped. */
    default void onEvaluation(String arm, EvaluationPoint point) {
    }

    /**
     * When a collapse rule rolls arm {@code arm} back to its checkpoint after {@code step} steps, as attempt
     * {@code attempt}: the steps after it come again.
     */
    default void onRollback(String arm, long step, int attempt) {
    }

    /** When arm {@code arm} goes on from a checkpoint after {@code step} steps ({@code finished} if it had ended). */
    default void onResume(String arm, long step, boolean finished) {
    }
}
