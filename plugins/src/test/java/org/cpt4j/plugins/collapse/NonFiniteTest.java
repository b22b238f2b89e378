package org.cpt4j.plugins.collapse;

import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.testing.CollapseDetectorContract;

class NonFiniteTest extends CollapseDetectorContract {

    @Override
    protected CollapseDetector detector() {
        return CollapseDetectors.nonFinite();
    }

    @Override
    protected StepSignals collapsing(long step) {
        return new StepSignals(step, 0.3, 1.0, 1, 4, 0, step % 7 != 6);
    }
}
