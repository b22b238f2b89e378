package org.cpt4j.plugins.collapse;

import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;

/**
 * Fires once a signal has been on the wrong side of a threshold for {@code patience} consecutive steps, then
 * again only after the signal recovered: {@code entropyBelow} (entropy collapse) and
 * {@code formatFailureAbove} (the answer format falling apart, as self-distillation can amplify).
 */
final class ThresholdDetector implements CollapseDetector {

    private final String id;
    private final String signal;
    private final ToDoubleFunction<StepSignals> value;
    private final double threshold;
    private final boolean below;
    private final int patience;
    private int run;

    ThresholdDetector(String id, String signal, ToDoubleFunction<StepSignals> value, double threshold, boolean below,
                      int patience) {
        this.id = id;
        this.signal = signal;
        this.value = value;
        this.threshold = threshold;
        this.below = below;
        this.patience = patience;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<CollapseEvent> observe(StepSignals signals) {
        double observed = value.applyAsDouble(signals);
        boolean wrong = below ? observed < threshold : observed > threshold;
        run = wrong ? run + 1 : 0;
        if (run != patience) {
            return Optional.empty();
        }
        return Optional.of(new CollapseEvent(id, signals.step(), String.format(Locale.ROOT, "%s %.4f %s %.4f for %d steps",
                signal, observed, below ? "<" : ">", threshold, patience), CollapseEvent.Severity.WARNING));
    }
}
