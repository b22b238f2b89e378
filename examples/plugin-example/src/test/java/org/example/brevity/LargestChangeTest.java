package org.example.brevity;

import org.cpt4j.drift.DriftMetric;
import org.cpt4j.testing.DriftMetricContract;

class LargestChangeTest extends DriftMetricContract {

    @Override
    protected DriftMetric driftMetric() {
        return new LargestChange();
    }
}
