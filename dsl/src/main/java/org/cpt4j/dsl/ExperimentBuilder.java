package org.cpt4j.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.experiment.CollapseAction;
import org.cpt4j.experiment.CollapseRule;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.CurriculumSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.TrainingSpec;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link ExperimentSpec}. Every part has a default except the arms; {@link #build()} builds each
 * part, collects the problems of all of them with their paths, and throws them together.
 */
public final class ExperimentBuilder {

    private final String name;
    private long seed = ExperimentSpec.DEFAULT_SEED;
    private @Nullable Consumer<ModelConfig.Builder> model;
    private Consumer<PretrainSpec.Builder> base = b -> { };
    private Consumer<CurriculumBuilder> curriculum = c -> { };
    private Consumer<TrainingBuilder> training = t -> { };
    private Consumer<EvaluationSpec.Builder> evaluation = e -> { };
    private final List<ArmEntry> arms = new ArrayList<>();
    private final List<ComponentSpec> drift = new ArrayList<>();
    private final List<CollapseRule> collapse = new ArrayList<>();

    private record ArmEntry(String name, Consumer<ArmBuilder> configure) {
    }

    ExperimentBuilder(String name) {
        this.name = name;
    }

    /** Seeds post-training (tasks and sampling); the base model's pretraining has its own seed. */
    public ExperimentBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * The base model's shape (default: {@link PretrainSpec#of}'s, 2 layers, width 64, 4 heads, context 96; the
     * vocabulary comes from the domains). It is the base's model: {@code .base(b -> b.model(...))} says the same, so
     * {@link #build()} refuses the two together when they differ.
     */
    public ExperimentBuilder model(Consumer<ModelConfig.Builder> configure) {
        this.model = configure;
        return this;
    }

    /** The base model's pretraining (defaults: {@link PretrainSpec#of}). */
    public ExperimentBuilder base(Consumer<PretrainSpec.Builder> configure) {
        this.base = configure;
        return this;
    }

    /** The stages every arm is post-trained on, and extra evaluation domains. */
    public ExperimentBuilder curriculum(Consumer<CurriculumBuilder> configure) {
        this.curriculum = configure;
        return this;
    }

    /** The arms' default training settings (see {@link TrainingBuilder} for defaults). */
    public ExperimentBuilder training(Consumer<TrainingBuilder> configure) {
        this.training = configure;
        return this;
    }

    /**
     * When and how every arm is evaluated (defaults: {@link EvaluationSpec#of}, with the experiment's seed): at stage
     * ends, and with {@code everySteps} also inside stages.
     */
    public ExperimentBuilder evaluation(Consumer<EvaluationSpec.Builder> configure) {
        this.evaluation = configure;
        return this;
    }

    /** Adds an arm named {@code name}; arms are compared on the same curriculum from the same base. */
    public ExperimentBuilder arm(String name, Consumer<ArmBuilder> configure) {
        arms.add(new ArmEntry(name, configure));
        return this;
    }

    /** Adds drift metrics measured after every stage. */
    public ExperimentBuilder drift(ComponentSpec... metrics) {
        drift.addAll(Arrays.asList(metrics));
        return this;
    }

    /** Adds collapse detectors watching every step; their events are recorded. */
    public ExperimentBuilder collapse(ComponentSpec... detectors) {
        Arrays.stream(detectors).map(CollapseRule::record).forEach(collapse::add);
        return this;
    }

    /**
     * Adds a collapse detector whose events do what {@code action} says: e.g. {@code a -> a.stop()}, or
     * {@code a -> a.rollback(c -> c.learningRateScale(0.5)).maxTimes(2)}.
     */
    public ExperimentBuilder collapse(ComponentSpec detector, Consumer<CollapseAction.Builder> action) {
        collapse.add(new CollapseRule(detector, CollapseAction.of(action)));
        return this;
    }

    /**
     * @return the experiment
     * @throws InvalidSpecException listing every problem of every part, each with its path
     */
    public ExperimentSpec build() {
        Problems problems = new Problems("");
        PretrainSpec builtBase = base(problems);
        CurriculumBuilder curriculumBuilder = new CurriculumBuilder();
        curriculum.accept(curriculumBuilder);
        CurriculumSpec builtCurriculum = curriculumBuilder.build();
        TrainingSpec builtTraining = TrainingBuilder.build(problems, "training", training);
        EvaluationSpec builtEvaluation = attempt(problems, "evaluation", () -> EvaluationSpec.of(e -> {
            e.seed(seed);
            evaluation.accept(e);
        }));
        List<ArmSpec> builtArms = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            ArmBuilder arm = new ArmBuilder(arms.get(i).name());
            arms.get(i).configure().accept(arm);
            builtArms.add(arm.build(problems, "arms[" + i + "]"));
        }
        if (!problems.isEmpty() || builtBase == null || builtEvaluation == null) {
            ExperimentSpec.checkStructure(problems, name, builtCurriculum, builtTraining, builtArms);
            problems.throwIfAny("experiment '" + name + "'");
        }
        return new ExperimentSpec(ExperimentSpec.FORMAT, ExperimentSpec.VERSION, name, seed, builtBase,
                builtCurriculum, builtTraining, builtEvaluation, builtArms, drift, collapse);
    }

    /**
     * @return the base, or null after recording its problems; {@code .model(...)} and a different
     *     {@code .base(b -> b.model(...))} are a problem, since one would silently replace the other
     */
    private @Nullable PretrainSpec base(Problems problems) {
        if (model == null) {
            return attempt(problems, "base", () -> PretrainSpec.of(base));
        }
        ModelConfig chosen = attempt(problems, "base.model", () -> ModelConfig.of(model));
        if (chosen == null) {
            return null;
        }
        PretrainSpec built = attempt(problems, "base", () -> PretrainSpec.of(p -> {
            p.model(model);
            base.accept(p);
        }));
        if (built != null && !built.model().equals(chosen)) {
            problems.add("base.model", "is set twice, to " + chosen + " by .model(...) and to " + built.model()
                    + " by .base(b -> b.model(...)); set it once, with .model(...)");
            return null;
        }
        return built;
    }

    /** @return the part, or null after recording its problems under {@code path} */
    static <T> @Nullable T attempt(Problems problems, String path, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidSpecException e) {
            problems.include(path, e);
            return null;
        }
    }
}
