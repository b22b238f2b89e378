package org.cpt4j.plugins.collapse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.testing.CollapseDetectorContract;
import org.junit.jupiter.api.Test;

class DivergenceAboveTest extends CollapseDetectorContract {

    @Override
    protected CollapseDetector detector() {
        return CollapseDetectors.divergenceAbove(new Threshold(1.0, 3));
    }

    @Override
    protected StepSignals collapsing(long step) {
        return new StepSignals(step, 0.2, 1.2, 0.9, 6, 0, true, 0, Map.of("divergence", 0.1 * Math.exp(step / 5.0)));
    }

    @Test
    void anObjectiveWithoutTheDiagnosticNeverFiresIt() {
        CollapseDetector detector = detector();
        for (long step = 0; step < 20; step++) {
            assertTrue(detector.observe(new StepSignals(step, 0.2, 1.2, 0.9, 6, 0, true, 0, Map.of("clip_fraction", 5.0)))
                    .isEmpty());
        }
    }
}
