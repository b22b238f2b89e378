package org.cpt4j.plugins.drift;

import java.util.Map;
import org.cpt4j.experiment.ComponentSpec;

/** Specs of the built-in drift metrics, for the DSL: {@code .drift(Drift.parameters(), Drift.spectral(8))}. */
public final class Drift {

    private Drift() {
    }

    /** @return {@code parameters}: relative update norm, angle and changed fraction against the base */
    public static ComponentSpec parameters() {
        return ComponentSpec.of("parameters");
    }

    /** @return {@code responses}: per-token KL on the policy's samples, changed greedy responses, length change */
    public static ComponentSpec responses() {
        return ComponentSpec.of("responses");
    }

    /** @return {@code spectral} with 4 principal directions per matrix */
    public static ComponentSpec spectral() {
        return ComponentSpec.of("spectral");
    }

    /** @return {@code spectral}: spectrum shift, principal-subspace rotation, update energy in the top {@code topK} */
    public static ComponentSpec spectral(int topK) {
        return ComponentSpec.of("spectral", Map.of("topK", topK));
    }
}
