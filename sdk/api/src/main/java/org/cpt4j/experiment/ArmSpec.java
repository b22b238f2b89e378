package org.cpt4j.experiment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One arm of an experiment: an objective with its teacher and rewards, optionally with its own training
 * settings; arms are compared over the same curriculum from the same base model.
 *
 * @param name unique name of the arm (its directory under the run)
 * @param objective the objective plugin
 * @param teacher the teacher schedule plugin, or null for a frozen teacher (ignored by objectives without a
 *     teacher)
 * @param rewards the reward's weighted components; empty means the verifier's correctness alone
 * @param training this arm's training settings, or null for the experiment's
 */
public record ArmSpec(String name, ComponentSpec objective, @Nullable ComponentSpec teacher, List<RewardSpec> rewards,
                      @Nullable TrainingSpec training) {

    public ArmSpec {
        rewards = List.copyOf(rewards);
    }
}
