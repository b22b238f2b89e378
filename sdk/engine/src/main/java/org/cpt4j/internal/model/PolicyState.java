package org.cpt4j.internal.model;

import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;

/**
 * A detached, exact copy of everything a policy needs to continue training: parameters, AdamW moments and
 * the step count.
 */
public record PolicyState(ModelConfig model, OptimizerConfig optimizer, long step, Parameters parameters,
                          Parameters firstMoment, Parameters secondMoment) {
}
