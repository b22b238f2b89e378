package org.cpt4j.drift;

import java.util.Map;

/**
 * Measures how far a policy has drifted from a reference (the base): a plugin with a stable id. Measurements are
 * named, finite, and all zero when the two policies are identical.
 *
 * <p>A metric overrides one of the two {@code measure} methods: the parameter one when it reads weights only
 * ({@code parameters}, {@code spectral}), the {@link PolicyComparison} one when it reads responses too
 * ({@code responses}). The engine calls the latter, which by default hands the parameters to the former.
 */
public interface DriftMetric {

    /** @return stable id, e.g. {@code parameters} */
    String id();

    /**
     * @return named measurements of {@code current} against {@code reference} (same names and shapes)
     * @throws UnsupportedOperationException unless the metric measures parameters alone
     */
    default Map<String, Double> measure(ParameterView reference, ParameterView current) {
        throw new UnsupportedOperationException("drift metric '" + id() + "' overrides neither measure method");
    }

    /** @return named measurements of the current policy against the reference, by default of their parameters */
    default Map<String, Double> measure(PolicyComparison policies) {
        return measure(policies.reference(), policies.current());
    }
}
