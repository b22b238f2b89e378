package org.cpt4j.internal.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.experiment.CollapseAction;
import org.cpt4j.experiment.CollapseRule;
import org.cpt4j.internal.plugin.PluginCallException;
import org.cpt4j.run.StepMetrics;

/**
 * The arm's collapse detectors, after every step: each event is recorded, and its rule's action becomes the loop's
 * {@link Directive} (a rollback rule that has used its {@code maxTimes} stops the arm instead). A detector that throws
 * is recorded in {@code events.jsonl} and dropped for the rest of the arm; it never stops the run.
 */
final class CollapseWatch implements ArmPhase {

    private final List<CollapseRule> rules;
    private final Detectors fresh;
    private final ArmDirectory files;
    private final List<CollapseEvent> events = new ArrayList<>();
    private final Map<CollapseDetector, Integer> ruleOf = new IdentityHashMap<>();

    /** Makes a fresh set of detectors, in rule order (detectors keep state, so each arm and attempt gets its own). */
    @FunctionalInterface
    interface Detectors {
        List<CollapseDetector> create();
    }

    CollapseWatch(List<CollapseRule> rules, Detectors fresh, ArmDirectory files) {
        this.rules = List.copyOf(rules);
        this.fresh = fresh;
        this.files = files;
        install(Set.of());
    }

    private void install(Set<String> failed) {
        ruleOf.clear();
        List<CollapseDetector> detectors = fresh.create();
        for (int r = 0; r < detectors.size(); r++) {
            if (!failed.contains("collapse/" + detectors.get(r).id())) {
                ruleOf.put(detectors.get(r), r);
            }
        }
    }

    /**
     * Takes up where a stopped run (or the attempt a rollback abandoned) left off: the events recorded so far, the
     * detectors that failed, and fresh detectors whose state is rebuilt by replaying the lineage's metrics.
     */
    void resume(ArmDirectory.Progress progress) throws IOException {
        events.clear();
        events.addAll(files.recordedCollapse());
        install(files.recordedPluginFailures());
        for (StepMetrics metrics : files.recordedMetrics(progress)) {
            for (CollapseDetector detector : List.copyOf(ruleOf.keySet())) {
                try {
                    detector.observe(signals(metrics)); // its events of these steps are already kept
                } catch (PluginCallException e) {
                    ruleOf.remove(detector); // it failed at this step before, and that was recorded
                }
            }
        }
    }

    @Override
    public Directive afterStep(ArmState arm, StepMetrics metrics) throws IOException {
        StepSignals signals = signals(metrics);
        Directive directive = Directive.CONTINUE;
        for (CollapseDetector detector : detectorsInRuleOrder()) {
            Optional<CollapseEvent> event;
            try {
                event = detector.observe(signals);
            } catch (PluginCallException e) {
                files.appendPluginFailure(arm.attempt(), e.failure(arm.name(), arm.stage(), signals.step(), false));
                ruleOf.remove(detector);
                continue;
            }
            if (event.isPresent()) {
                events.add(event.get());
                files.appendCollapse(arm.stage(), arm.attempt(), event.get());
                int rule = ruleOf.get(detector);
                if (directive.goesOn()) {
                    directive = directive(arm, rule, event.get());
                }
            }
        }
        return directive;
    }

    private Directive directive(ArmState arm, int rule, CollapseEvent event) {
        CollapseAction action = rules.get(rule).action();
        return switch (action.kind()) {
            case RECORD -> Directive.CONTINUE;
            case STOP -> new Directive(CollapseAction.Kind.STOP, event, rule);
            case ROLLBACK -> new Directive(arm.rollbacks(rule) < action.maxTimes() ? CollapseAction.Kind.ROLLBACK
                    : CollapseAction.Kind.STOP, event, rule);
        };
    }

    private List<CollapseDetector> detectorsInRuleOrder() {
        return ruleOf.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /** @return the collapse events so far, every attempt's, in the order they were reported */
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
