package org.cpt4j.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * An {@link Objective} whose loss is one formula over {@link TensorMath}: the trainer's graph and the
 * double-precision reference (loss and diagnostics) are the same code evaluated twice, so they cannot drift apart.
 * The built-in GRPO and SDPO objectives are written this way, from the public pieces of
 * {@code org.cpt4j.plugins.objectives} that a plugin's objective can reuse.
 */
public interface FormulaObjective extends Objective {

    /** @return the loss and diagnostics over {@code inputs}, graph or double precision alike */
    <T> LossTerms<T> loss(LossInputs<T> inputs);

    @Override
    default LossTerms<SDVariable> define(LossGraph graph) {
        return loss(graph);
    }

    @Override
    default double referenceLoss(double[][][] logits, double[][][] detachedLogits, ObjectiveBatch batch) {
        return loss(new ReferenceInputs(logits, detachedLogits, batch)).loss().scalar();
    }

    /** @return the diagnostics {@link #define} logs, computed in double precision for these logits and batch */
    default Map<String, Double> referenceDiagnostics(double[][][] logits, ObjectiveBatch batch) {
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        loss(ReferenceInputs.of(logits, batch)).diagnostics()
                .forEach((name, value) -> diagnostics.put(name, value.scalar()));
        return diagnostics;
    }
}
