package org.cpt4j.run;

import java.util.List;
import java.util.Map;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.StageSpec;

/** {@link RunListener#all}: every event to each listener, in order. */
final class RunListenerGroup implements RunListener {

    private final List<RunListener> listeners;

    RunListenerGroup(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onPretrainingStep(long step, long total, double loss, double learningRate) {
        listeners.forEach(listener -> listener.onPretrainingStep(step, total, loss, learningRate));
    }

    @Override
    public void onStep(String arm, int stage, StageSpec spec, long stageStep, StepMetrics metrics) {
        listeners.forEach(listener -> listener.onStep(arm, stage, spec, stageStep, metrics));
    }

    @Override
    public void onDrift(String arm, int stage, long step, String metric, Map<String, Double> values) {
        listeners.forEach(listener -> listener.onDrift(arm, stage, step, metric, values));
    }

    @Override
    public void onCollapse(String arm, CollapseEvent event) {
        listeners.forEach(listener -> listener.onCollapse(arm, event));
    }

    @Override
    public void onEvaluationProgress(String arm, EvaluationPoint.Kind kind, int done, int domains) {
        listeners.forEach(listener -> listener.onEvaluationProgress(arm, kind, done, domains));
    }

    @Override
    public void onEvaluation(String arm, EvaluationPoint point) {
        listeners.forEach(listener -> listener.onEvaluation(arm, point));
    }

    @Override
    public void onRollback(String arm, long step, int attempt) {
        listeners.forEach(listener -> listener.onRollback(arm, step, attempt));
    }

    @Override
    public void onResume(String arm, long step, boolean finished) {
        listeners.forEach(listener -> listener.onResume(arm, step, finished));
    }
}
