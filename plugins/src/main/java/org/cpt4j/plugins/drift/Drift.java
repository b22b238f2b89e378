package org.cpt4j.plugins.drift;

import org.cpt4j.experiment.ComponentSpec;

/** Specs of the built-in drift metrics, for the DSL: {@code .drift(Drift.parameters())}. */
public final class Drift {

    private Drift() {
    }

    /** @return {@code parameters}: relative update norm, angle and changed fraction against the base */
    public static ComponentSpec parameters() {
        return ComponentSpec.of("parameters");
    }
}
