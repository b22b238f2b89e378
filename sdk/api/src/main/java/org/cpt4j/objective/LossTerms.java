package org.cpt4j.objective;

import java.util.Map;

/**
 * What an objective declares: the scalar loss to minimise and named scalar diagnostics (a clip fraction, a
 * KL estimate) that the trainer logs beside it.
 *
 * @param loss scalar loss
 * @param diagnostics scalar values by metric name, logged every step
 * @param <T> the value type: {@code SDVariable} on the graph, {@link DoubleTensor} in double precision
 */
public record LossTerms<T>(T loss, Map<String, T> diagnostics) {

    public LossTerms {
        diagnostics = Map.copyOf(diagnostics);
    }

    /** @return terms with no diagnostics */
    public static <T> LossTerms<T> of(T loss) {
        return new LossTerms<>(loss, Map.of());
    }
}
