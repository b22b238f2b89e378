package org.cpt4j.plugins.collapse;

import java.util.Optional;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;

/** {@code nonFinite}: a step whose loss or gradient was not finite (the update was skipped). */
final class NonFiniteUpdates implements CollapseDetector {

    @Override
    public String id() {
        return "nonFinite";
    }

    @Override
    public Optional<CollapseEvent> observe(StepSignals signals) {
        return signals.finite() ? Optional.empty() : Optional.of(new CollapseEvent(id(), signals.step(),
                "non-finite loss or gradient; the update was skipped", CollapseEvent.Severity.CRITICAL));
    }
}
