package org.cpt4j.objective;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The SameDiff graph an {@link Objective} declares its loss on: the student's distributions over {@code B}
 * sequences of {@code L} positions, differentiable in the policy's parameters, and the named inputs of an
 * {@link ObjectiveBatch} as placeholders, created when first asked for.
 */
public interface LossGraph extends LossInputs<SDVariable> {

    /** @return the graph (for ops {@link #math()} does not cover) */
    SameDiff sameDiff();
}
