package org.cpt4j.plugins.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.testing.CollapseDetectorContract;
import org.junit.jupiter.api.Test;

class TruncationAboveTest extends CollapseDetectorContract {

    @Override
    protected CollapseDetector detector() {
        return CollapseDetectors.truncationAbove(new Threshold(0.5, 3));
    }

    @Override
    protected StepSignals collapsing(long step) {
        return new StepSignals(step, 0, 1.8, 0.3, 4 + 3 * step, Math.min(1, step / 10.0), true);
    }

    @Test
    void theSdpoEmaRunOfTheShippedExperimentIsCaught() {
        // truncated fractions of steps 147-159 of that arm (its reverse stage), from its metrics.jsonl
        double[] truncated = {0.0781, 0.2031, 0.2812, 0.4375, 0.3906, 0.3906, 0.5156, 0.5938, 0.6719, 0.5938, 0.7656,
            0.6875, 0.75};
        CollapseDetector detector = detector();
        List<Long> fired = new ArrayList<>();
        for (int i = 0; i < truncated.length; i++) {
            detector.observe(new StepSignals(147 + i, 0, 1.9, 0.4, 25, truncated[i], true)).map(CollapseEvent::step)
                    .ifPresent(fired::add);
        }
        assertEquals(List.of(155L), fired, "three steps over 50% from step 153, and once only");
    }
}
