package org.cpt4j.plugins.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.testing.CollapseDetectorContract;
import org.junit.jupiter.api.Test;

class EntropyBelowTest extends CollapseDetectorContract {

    @Override
    protected CollapseDetector detector() {
        return CollapseDetectors.entropyBelow(new Threshold(0.05, 3));
    }

    @Override
    protected StepSignals collapsing(long step) {
        return new StepSignals(step, 0.5, 0.5 / (1 + step), 1, 4, 0, true);
    }

    @Test
    void firesAfterPatienceStepsAndAgainOnlyAfterARecovery() {
        CollapseDetector detector = detector();
        double[] entropy = {0.01, 0.01, 0.01, 0.01, 0.5, 0.01, 0.01, 0.01};
        List<Long> fired = new ArrayList<>();
        for (int step = 0; step < entropy.length; step++) {
            detector.observe(new StepSignals(step, 0, entropy[step], 1, 4, 0, true)).map(CollapseEvent::step)
                    .ifPresent(fired::add);
        }
        assertEquals(List.of(2L, 7L), fired);
    }
}
