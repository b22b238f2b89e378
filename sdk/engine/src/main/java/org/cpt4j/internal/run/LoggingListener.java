package org.cpt4j.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.logging.LoggerContext;
import org.cpt4j.logging.RunLogger;
import org.cpt4j.logging.Scalars;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.StepMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's listener with its {@link RunLogger}s attached: each event reaches the listener, and each step's metrics,
 * evaluation and drift measurement reach every logger as {@link Scalars}. A logger that throws is disabled for the
 * rest of the run with a warning naming it and its error; the run goes on.
 */
final class LoggingListener implements RunListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);

    private final RunListener listener;
    private final List<RunLogger> loggers;

    private LoggingListener(RunListener listener, List<RunLogger> loggers) {
        this.listener = listener;
        this.loggers = new ArrayList<>(loggers);
    }

    /** @return {@code listener} with {@code loggers} attached, each opened with {@code context} */
    static LoggingListener open(RunListener listener, List<RunLogger> loggers, LoggerContext context) {
        LoggingListener attached = new LoggingListener(listener, loggers);
        attached.each("open", logger -> logger.open(context));
        return attached;
    }

    @Override
    public void onPretrainingStep(long step, long total, double loss, double learningRate) {
        listener.onPretrainingStep(step, total, loss, learningRate);
    }

    @Override
    public void onStep(String arm, int stage, StageSpec spec, long stageStep, StepMetrics metrics) {
        listener.onStep(arm, stage, spec, stageStep, metrics);
        Map<String, Double> values = new LinkedHashMap<>();
        flatten("train", ArmDirectory.JSON.valueToTree(metrics), values); // map entries by key: a stable order
        values.remove("train/step");
        Scalars scalars = new Scalars(arm, metrics.step() + 1, values);
        each("log", logger -> logger.log(scalars));
    }

    @Override
    public void onEvaluation(String arm, EvaluationPoint point) {
        listener.onEvaluation(arm, point);
        Map<String, Double> values = new LinkedHashMap<>();
        point.accuracy().forEach((domain, accuracy) -> values.put("eval/" + domain, accuracy));
        point.teacherAccuracy().forEach((domain, accuracy) -> values.put("eval/teacher/" + domain, accuracy));
        Scalars scalars = new Scalars(arm, point.step(), values);
        each("log", logger -> logger.log(scalars));
    }

    @Override
    public void onDrift(String arm, int stage, long step, String metric, Map<String, Double> measured) {
        listener.onDrift(arm, stage, step, metric, measured);
        Map<String, Double> values = new LinkedHashMap<>();
        new TreeMap<>(measured).forEach((name, value) -> values.put("drift/" + metric + "/" + name, value));
        Scalars scalars = new Scalars(arm, step, values);
        each("log", logger -> logger.log(scalars));
    }

    @Override
    public void onResume(String arm, long step, boolean finished) {
        listener.onResume(arm, step, finished);
        each("resumed", logger -> logger.resumed(arm, step));
    }

    @Override
    public void onRollback(String arm, long step, int attempt) {
        listener.onRollback(arm, step, attempt);
        each("resumed", logger -> logger.resumed(arm, step));
    }

    @Override
    public void onCollapse(String arm, CollapseEvent event) {
        listener.onCollapse(arm, event);
    }

    @Override
    public void onEvaluationProgress(String arm, EvaluationPoint.Kind kind, int done, int domains) {
        listener.onEvaluationProgress(arm, kind, done, domains);
    }

    /** Closes every logger still enabled. */
    @Override
    public void close() {
        each("close", RunLogger::close);
    }

    /** Adds {@code node}'s numbers under {@code prefix}, nested objects as {@code prefix/name/...}. */
    private static void flatten(String prefix, JsonNode node, Map<String, Double> values) {
        node.fields().forEachRemaining(field -> {
            String tag = prefix + "/" + field.getKey();
            if (field.getValue().isObject()) {
                flatten(tag, field.getValue(), values);
            } else if (field.getValue().isNumber()) {
                values.put(tag, field.getValue().asDouble());
            }
        });
    }

    @FunctionalInterface
    private interface Call {
        void on(RunLogger logger) throws IOException;
    }

    private void each(String what, Call call) {
        for (RunLogger logger : List.copyOf(loggers)) {
            try {
                call.on(logger);
            } catch (IOException | RuntimeException e) {
                loggers.remove(logger);
                LOG.warn("logger '{}' failed in {} and is disabled for the rest of the run (the run's own files hold "
                        + "every number): {}", logger.id(), what, e.toString());
            }
        }
    }
}
