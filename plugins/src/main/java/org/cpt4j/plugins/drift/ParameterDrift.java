package org.cpt4j.plugins.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.ParameterView;

/**
 * {@code parameters}: the relative update norm {@code ‖θ − θ₀‖ / ‖θ₀‖} over all parameters ({@code relative_norm}),
 * the cosine between {@code θ} and {@code θ₀} as one vector reported as {@code 1 − cos} ({@code angle}, 0 when
 * aligned), and the fraction of entries that changed ({@code changed_fraction}; "The Path Not Taken" reports
 * RLVR updates as sparse).
 */
public final class ParameterDrift implements DriftMetric {

    @Override
    public String id() {
        return "parameters";
    }

    @Override
    public Map<String, Double> measure(ParameterView reference, ParameterView current) {
        double difference = 0;
        double base = 0;
        double now = 0;
        double dot = 0;
        long changed = 0;
        long total = 0;
        for (String name : reference.names()) {
            double[] before = reference.values(name);
            double[] after = current.values(name);
            if (before.length != after.length) {
                throw new IllegalArgumentException("parameter '" + name + "' has " + after.length + " values, the "
                        + "reference " + before.length);
            }
            for (int i = 0; i < before.length; i++) {
                double delta = after[i] - before[i];
                difference += delta * delta;
                base += before[i] * before[i];
                now += after[i] * after[i];
                dot += before[i] * after[i];
                changed += delta != 0 ? 1 : 0;
                total++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("relative_norm", base == 0 ? Math.sqrt(difference) : Math.sqrt(difference / base));
        double norms = Math.sqrt(base * now);
        out.put("angle", norms == 0 ? 0 : Math.max(0, 1 - dot / norms));
        out.put("changed_fraction", total == 0 ? 0 : (double) changed / total);
        return out;
    }
}
