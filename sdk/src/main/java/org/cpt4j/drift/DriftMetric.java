package org.cpt4j.drift;

import java.util.Map;

/**
 * Measures how far a policy has drifted from a reference (the base, or the policy before a stage): a plugin
 * with a stable id. Measurements are named, finite, and all zero when the two policies are identical.
 */
public interface DriftMetric {

    /** @return stable id, e.g. {@code parameters} */
    String id();

    /** @return named measurements of {@code current} against {@code reference} (same names and shapes) */
    Map<String, Double> measure(ParameterView reference, ParameterView current);
}
