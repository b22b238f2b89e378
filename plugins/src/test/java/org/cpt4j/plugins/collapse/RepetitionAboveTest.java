package org.cpt4j.plugins.collapse;

import java.util.Map;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.testing.CollapseDetectorContract;

class RepetitionAboveTest extends CollapseDetectorContract {

    @Override
    protected CollapseDetector detector() {
        return CollapseDetectors.repetitionAbove(new Threshold(0.5, 3));
    }

    @Override
    protected StepSignals collapsing(long step) {
        return new StepSignals(step, 0, 0.9, 0.6, 20, 0.4, true, Math.min(1, step / 10.0), Map.of());
    }
}
