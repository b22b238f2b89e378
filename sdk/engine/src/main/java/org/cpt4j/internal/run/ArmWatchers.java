package org.cpt4j.internal.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.PolicyComparison;
import org.cpt4j.run.StepMetrics;

/**
 * One arm's collapse detectors and drift metrics, and what they reported. A plugin that throws is recorded in
 * {@code events.jsonl} and dropped for the rest of the arm; it never stops the run.
 */
final class ArmWatchers {

    private final List<CollapseDetector> detectors;
    private final List<DriftMetric> drift;
    private final ArmDirectory files;
    private final List<CollapseEvent> events = new ArrayList<>();

    /** @param detectors a fresh set (detectors keep state) */
    ArmWatchers(List<CollapseDetector> detectors, List<DriftMetric> drift, ArmDirectory files) {
        this.detectors = new ArrayList<>(detectors);
        this.drift = new ArrayList<>(drift);
        this.files = files;
    }

    /**
     * Takes up where a run that was stopped left off: its collapse events, its disabled plugins, and the
     * detectors' state, rebuilt by replaying the recorded metrics.
     */
    void resume() throws IOException {
        events.addAll(files.recordedCollapse());
        Set<String> failed = files.recordedPluginFailures();
        detectors.removeIf(detector -> failed.contains("collapse/" + detector.id()));
        drift.removeIf(metric -> failed.contains("drift/" + metric.id()));
        for (StepMetrics metrics : files.recordedMetrics()) {
            for (CollapseDetector detector : List.copyOf(detectors)) {
                try {
                    detector.observe(signals(metrics)); // its events of these steps are already kept
                } catch (RuntimeException e) {
                    detectors.remove(detector); // it failed at this step before, and that was recorded
                }
            }
        }
    }

    /** Feeds one step of stage {@code stage} to every detector, recording what they report. */
    void observe(int stage, StepMetrics metrics) throws IOException {
        StepSignals signals = signals(metrics);
        for (CollapseDetector detector : List.copyOf(detectors)) {
            Optional<CollapseEvent> event;
            try {
                event = detector.observe(signals);
            } catch (RuntimeException e) {
                files.appendPluginFailure(stage, signals.step(), "collapse", detector.id(), e);
                detectors.remove(detector);
                continue;
            }
            if (event.isPresent()) {
                events.add(event.get());
                files.appendCollapse(stage, event.get());
            }
        }
    }

    /** Measures every drift metric at the end of stage {@code stage}, after {@code step} steps. */
    void measure(int stage, long step, PolicyComparison policies) throws IOException {
        for (DriftMetric metric : List.copyOf(drift)) {
            try {
                files.appendDrift(stage, step, metric.id(), metric.measure(policies));
            } catch (RuntimeException e) {
                files.appendPluginFailure(stage, step, "drift", metric.id(), e);
                drift.remove(metric);
            }
        }
    }

    /** @return the collapse events so far, in step order */
    List<CollapseEvent> events() {
        return List.copyOf(events);
    }

    static StepSignals signals(StepMetrics metrics) {
        return new StepSignals(metrics.step(), metrics.rewardMean(), metrics.entropy(), metrics.formatValid(),
                metrics.meanLength(), metrics.truncatedFraction(),
                metrics.skippedUpdates() == 0 && Double.isFinite(metrics.loss()), metrics.repetition(),
                metrics.diagnostics());
    }
}
