package org.cpt4j.objective;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What an objective declares: the scalar loss to minimise and named scalar diagnostics (a clip fraction, a
 * KL estimate) that the trainer logs beside it.
 *
 * @param loss scalar loss
 * @param diagnostics scalar variables by metric name, logged every step
 */
public record LossTerms(SDVariable loss, Map<String, SDVariable> diagnostics) {

    public LossTerms {
        diagnostics = Map.copyOf(diagnostics);
    }

    /** @return terms with no diagnostics */
    public static LossTerms of(SDVariable loss) {
        return new LossTerms(loss, Map.of());
    }
}
