package org.cpt4j.plugins.collapse;

import org.cpt4j.spec.Problems;

/**
 * Parameters of a threshold detector.
 *
 * @param threshold the signal's limit
 * @param patience consecutive steps past the limit before the detector fires
 */
public record Threshold(double threshold, int patience) {

    public Threshold {
        new Problems("collapse").require(Double.isFinite(threshold), "threshold", "must be finite, was " + threshold)
                .require(patience >= 1, "patience", "must be at least 1 step, was " + patience)
                .throwIfAny("collapse detector parameters");
    }
}
