package org.cpt4j.internal.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.PolicyComparison;
import org.cpt4j.internal.plugin.PluginCallException;

/**
 * The arm's drift metrics, measured at the end of every stage against the base. A metric that throws is recorded in
 * {@code events.jsonl} and dropped for the rest of the arm.
 */
final class DriftWatch implements ArmPhase {

    /** The comparison of the policy as it is now with the base. */
    @FunctionalInterface
    interface Comparison {
        PolicyComparison now();
    }

    /** Hears each measurement, after it is recorded. */
    @FunctionalInterface
    interface Measured {
        void measured(ArmState arm, String metric, Map<String, Double> values);
    }

    private final List<DriftMetric> metrics;
    private final Comparison comparison;
    private final ArmDirectory files;
    private final Measured measured;

    DriftWatch(List<DriftMetric> metrics, Comparison comparison, ArmDirectory files, Measured measured) {
        this.metrics = new ArrayList<>(metrics);
        this.comparison = comparison;
        this.files = files;
        this.measured = measured;
    }

    /** Drops the metrics a stopped run recorded as failed. */
    void resume() throws IOException {
        Set<String> failed = files.recordedPluginFailures();
        metrics.removeIf(metric -> failed.contains("drift/" + metric.id()));
    }

    @Override
    public void afterStage(ArmState arm) throws IOException {
        PolicyComparison policies = comparison.now();
        for (DriftMetric metric : List.copyOf(metrics)) {
            Map<String, Double> values;
            try {
                values = metric.measure(policies);
                files.appendDrift(arm.stage(), arm.step(), arm.attempt(), metric.id(), values);
            } catch (PluginCallException e) {
                files.appendPluginFailure(arm.attempt(), e.failure(arm.name(), arm.stage(), arm.step(), false));
                metrics.remove(metric);
                continue;
            }
            measured.measured(arm, metric.id(), values);
        }
    }
}
