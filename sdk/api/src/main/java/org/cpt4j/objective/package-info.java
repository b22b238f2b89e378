/**
 * The objective SPI: an {@link org.cpt4j.objective.Objective} declares its loss on a
 * {@link org.cpt4j.objective.LossGraph} (SameDiff, differentiable in the student's logits) and evaluates the
 * same loss in plain Java double precision, so that tests can hold the two together.
 */
@NullMarked
package org.cpt4j.objective;

import org.jspecify.annotations.NullMarked;
