package org.cpt4j.run;

import java.util.List;
import java.util.Map;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.StageSpec;

/**
 * Hears about a run's progress; every method does nothing by default. A listener of one event is a lambda, in Java
 * and Kotlin alike: {@code RunListener.onStep((arm, stage, spec, stageStep, metrics) -> ...)}; {@link #all} hears
 * with several.
 */
public interface RunListener {

    /** A listener that hears nothing. */
    RunListener SILENT = new RunListener() { };

    /** @return a listener that tells each of {@code listeners} about each event, in their order */
    static RunListener all(RunListener... listeners) {
        return new RunListenerGroup(List.of(listeners));
    }

    /** @return {@code listener}, which hears only pretraining steps */
    static RunListener onPretrainingStep(OnPretrainingStep listener) {
        return listener;
    }

    /** @return {@code listener}, which hears only post-training steps */
    static RunListener onStep(OnStep listener) {
        return listener;
    }

    /** @return {@code listener}, which hears only drift measurements */
    static RunListener onDrift(OnDrift listener) {
        return listener;
    }

    /** @return {@code listener}, which hears only collapse events */
    static RunListener onCollapse(OnCollapse listener) {
        return listener;
    }

    /** @return {@code listener}, which hears only the progress of evaluations */
    static RunListener onEvaluationProgress(OnEvaluationProgress listener) {
        return listener;
    }

    /** @return {@code listener}, which hears only finished evaluations */
    static RunListener onEvaluation(OnEvaluation listener) {
        return listener;
    }

    /** @return {@code listener}, which hears only rollbacks */
    static RunListener onRollback(OnRollback listener) {
        return listener;
    }

    /** @return {@code listener}, which hears only resumes */
    static RunListener onResume(OnResume listener) {
        return listener;
    }

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

    /** A listener of {@link #onPretrainingStep} alone: a lambda. */
    @FunctionalInterface
    interface OnPretrainingStep extends RunListener {
        @Override
        void onPretrainingStep(long step, long total, double loss, double learningRate);
    }

    /** A listener of {@link #onStep} alone: a lambda. */
    @FunctionalInterface
    interface OnStep extends RunListener {
        @Override
        void onStep(String arm, int stage, StageSpec spec, long stageStep, StepMetrics metrics);
    }

    /** A listener of {@link #onDrift} alone: a lambda. */
    @FunctionalInterface
    interface OnDrift extends RunListener {
        @Override
        void onDrift(String arm, int stage, long step, String metric, Map<String, Double> values);
    }

    /** A listener of {@link #onCollapse} alone: a lambda. */
    @FunctionalInterface
    interface OnCollapse extends RunListener {
        @Override
        void onCollapse(String arm, CollapseEvent event);
    }

    /** A listener of {@link #onEvaluationProgress} alone: a lambda. */
    @FunctionalInterface
    interface OnEvaluationProgress extends RunListener {
        @Override
        void onEvaluationProgress(String arm, EvaluationPoint.Kind kind, int done, int domains);
    }

    /** A listener of {@link #onEvaluation} alone: a lambda. */
    @FunctionalInterface
    interface OnEvaluation extends RunListener {
        @Override
        void onEvaluation(String arm, EvaluationPoint point);
    }

    /** A listener of {@link #onRollback} alone: a lambda. */
    @FunctionalInterface
    interface OnRollback extends RunListener {
        @Override
        void onRollback(String arm, long step, int attempt);
    }

    /** A listener of {@link #onResume} alone: a lambda. */
    @FunctionalInterface
    interface OnResume extends RunListener {
        @Override
        void onResume(String arm, long step, boolean finished);
    }
}
