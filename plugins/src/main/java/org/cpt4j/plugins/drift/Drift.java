package org.cpt4j.plugins.drift;

import java.util.List;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.NoParameters;

/**
 * The built-in drift metrics, each declared once, and their specs for the DSL:
 * {@code .drift(Drift.parameters(), Drift.spectral(8))}.
 */
public final class Drift {

    /** {@code parameters}: relative update norm, angle and changed fraction against the base. */
    public static final Component<NoParameters, DriftMetric> PARAMETERS =
            Component.of(ComponentKind.DRIFT, "parameters", ParameterDrift::new);
    /** {@code spectral}: spectrum shift, principal-subspace rotation, update energy in the top 4 by default. */
    public static final Component<SpectralDrift.Options, DriftMetric> SPECTRAL =
            Component.of(ComponentKind.DRIFT, "spectral", new SpectralDrift.Options(4), SpectralDrift::new);
    /** {@code responses}: per-token KL on the policy's samples, changed greedy responses, length change. */
    public static final Component<NoParameters, DriftMetric> RESPONSES =
            Component.of(ComponentKind.DRIFT, "responses", ResponseDrift::new);

    /** Every declaration above, in order: what {@code BuiltInPlugin} registers (a test checks none is left out). */
    public static final List<Component<?, ?>> ALL = List.of(PARAMETERS, SPECTRAL, RESPONSES);

    private Drift() {
    }

    /** @return {@code parameters}: relative update norm, angle and changed fraction against the base */
    public static ComponentSpec parameters() {
        return PARAMETERS.spec();
    }

    /** @return {@code responses}: per-token KL on the policy's samples, changed greedy responses, length change */
    public static ComponentSpec responses() {
        return RESPONSES.spec();
    }

    /** @return {@code spectral} with 4 principal directions per matrix */
    public static ComponentSpec spectral() {
        return SPECTRAL.spec();
    }

    /** @return {@code spectral}: spectrum shift, principal-subspace rotation, update energy in the top {@code topK} */
    public static ComponentSpec spectral(int topK) {
        return SPECTRAL.spec(new SpectralDrift.Options(topK));
    }
}
