package org.cpt4j.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.RewardSpec;
import org.cpt4j.experiment.TrainingSpec;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * One arm: the objective (required), the teacher (default: frozen), the reward (default: the verifier's
 * correctness) and, optionally, training settings of its own.
 */
public final class ArmBuilder {

    private final String name;
    private @Nullable ComponentSpec objective;
    private @Nullable ComponentSpec teacher;
    private final List<RewardSpec> rewards = new ArrayList<>();
    private @Nullable Consumer<TrainingBuilder> training;

    ArmBuilder(String name) {
        this.name = name;
    }

    /** The objective, e.g. {@code Objectives.grpo(g -> g.klBeta(0.04))}. */
    public ArmBuilder objective(ComponentSpec value) {
        objective = value;
        return this;
    }

    /** The teacher schedule, e.g. {@code Teachers.ema(0.05)}. */
    public ArmBuilder teacher(ComponentSpec value) {
        teacher = value;
        return this;
    }

    /** Adds a reward component logged as {@code name}, weighted by {@code weight}. */
    public ArmBuilder reward(String name, double weight, ComponentSpec model) {
        rewards.add(new RewardSpec(name, weight, model));
        return this;
    }

    /** This arm's own training settings, instead of the experiment's. */
    public ArmBuilder training(Consumer<TrainingBuilder> configure) {
        training = configure;
        return this;
    }

    ArmSpec build(Problems problems, String path) {
        if (objective == null) {
            problems.add(path + ".objective", "is missing; every arm names its objective, e.g. Objectives.grpo()");
        }
        TrainingSpec ownTraining = training == null ? null : TrainingBuilder.build(problems, path + ".training", training);
        return new ArmSpec(name, objective != null ? objective : ComponentSpec.of("missing"), teacher, rewards,
                ownTraining);
    }
}
