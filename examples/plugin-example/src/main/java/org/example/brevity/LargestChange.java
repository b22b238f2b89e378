package org.example.brevity;

import java.util.Map;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.ParameterView;

/** {@code largest-change}: the largest absolute change of any single parameter entry. */
public final class LargestChange implements DriftMetric {

    @Override
    public String id() {
        return "largest-change";
    }

    @Override
    public Map<String, Double> measure(ParameterView reference, ParameterView current) {
        double largest = 0;
        for (String name : reference.names()) {
            double[] before = reference.values(name);
            double[] after = current.values(name);
            for (int i = 0; i < before.length; i++) {
                largest = Math.max(largest, Math.abs(after[i] - before[i]));
            }
        }
        return Map.of("largest_change", largest);
    }
}
