package org.cpt4j.plugins.collapse;

import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.testing.CollapseDetectorContract;

class FormatFailureAboveTest extends CollapseDetectorContract {

    @Override
    protected CollapseDetector detector() {
        return CollapseDetectors.formatFailureAbove(new Threshold(0.5, 3));
    }

    @Override
    protected StepSignals collapsing(long step) {
        return new StepSignals(step, 0.1, 0.8, Math.max(0, 1 - step / 10.0), 9, 0.2, true);
    }
}
