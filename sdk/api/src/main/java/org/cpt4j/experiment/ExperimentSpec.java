package org.cpt4j.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * A whole experiment: the base model's pretraining, the curriculum, the arms compared on it, and the drift
 * metrics and collapse detectors measured along the way. Built by the DSL or read from JSON
 * ({@link ExperimentSpecFile}); the constructor checks the structure and lists every problem with its path.
 * Plugin ids and parameters are checked against the registered plugins when the experiment is wired.
 *
 * @param format {@link #FORMAT}
 * @param version {@link #VERSION}
 * @param name the experiment's name (its directory under {@code runs/})
 * @param seed seeds post-training (tasks, sampling); the base has its own
 * @param base the base model's pretraining
 * @param curriculum the stages and extra evaluation domains
 * @param training the arms' default training settings
 * @param evaluation when and how every arm is evaluated (before the first stage, after each, and inside stages)
 * @param arms the arms, at least one, names unique
 * @param drift drift metric plugins
 * @param collapse collapse detector plugins, each with what its events do
 */
public record ExperimentSpec(String format, int version, String name, long seed, PretrainSpec base,
                             CurriculumSpec curriculum, TrainingSpec training, EvaluationSpec evaluation,
                             List<ArmSpec> arms, List<ComponentSpec> drift, List<CollapseRule> collapse) {

    /** The format name every spec file carries. */
    public static final String FORMAT = "cpt4j-experiment";
    /**
     * The spec format version this cpt4j writes; version 1 files are read too ({@link ExperimentSpecFile} upgrades
     * them: the evaluation block is made of what version 1 ran with).
     */
    public static final int VERSION = 2;
    /** The post-training seed of an experiment that names none. */
    public static final long DEFAULT_SEED = 7;

    public ExperimentSpec {
        arms = List.copyOf(arms);
        drift = List.copyOf(drift);
        collapse = List.copyOf(collapse);
        Problems problems = new Problems("");
        check(problems, format, version, name, curriculum, training, arms);
        problems.throwIfAny("experiment '" + name + "'");
    }

    static void check(Problems problems, String format, int version, String name, CurriculumSpec curriculum,
                      @Nullable TrainingSpec training, List<ArmSpec> arms) {
        problems.require(FORMAT.equals(format), "format", "must be '" + FORMAT + "', was '" + format + "'");
        problems.require(version == VERSION, "version", "this cpt4j reads version " + VERSION + ", was " + version);
        checkStructure(problems, name, curriculum, training, arms);
    }

    /**
     * Adds every structural problem (name, stages, training blocks, arm names, reward names) to
     * {@code problems}, with paths from the spec's root; {@code training} may be null when it could not be built.
     */
    public static void checkStructure(Problems problems, String name, CurriculumSpec curriculum,
                                      @Nullable TrainingSpec training, List<ArmSpec> arms) {
        problems.require(name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), "name",
                "must be a file name of letters, digits, '.', '_' or '-', was '" + name + "'");
        problems.require(!curriculum.stages().isEmpty(), "curriculum.stages", "must hold at least one stage");
        for (int i = 0; i < curriculum.stages().size(); i++) {
            StageSpec stage = curriculum.stages().get(i);
            problems.require(!stage.domain().isBlank(), "curriculum.stages[" + i + "].domain", "must name a domain");
            problems.require(stage.steps() >= 1, "curriculum.stages[" + i + "].steps",
                    "must be at least 1, was " + stage.steps());
        }
        if (training != null) {
            checkTraining(problems, "training", training);
        }
        problems.require(!arms.isEmpty(), "arms", "must hold at least one arm");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < arms.size(); i++) {
            ArmSpec arm = arms.get(i);
            String path = "arms[" + i + "]";
            problems.require(names.add(arm.name()), path + ".name", "'" + arm.name() + "' is the name of an earlier arm");
            problems.require(arm.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*"), path + ".name",
                    "must be a file name of letters, digits, '.', '_' or '-', was '" + arm.name() + "'");
            Set<String> rewardNames = new HashSet<>();
            for (int r = 0; r < arm.rewards().size(); r++) {
                problems.require(rewardNames.add(arm.rewards().get(r).name()), path + ".rewards[" + r + "].name",
                        "'" + arm.rewards().get(r).name() + "' names an earlier component");
            }
            if (arm.training() != null) {
                checkTraining(problems, path + ".training", arm.training());
            }
        }
    }

    private static void checkTraining(Problems problems, String path, TrainingSpec training) {
        problems.require(training.promptsPerStep() >= 1 && training.promptsPerStep() <= TrainingSpec.MAX_PROMPTS_PER_STEP,
                path + ".promptsPerStep", "must be within 1 .. " + TrainingSpec.MAX_PROMPTS_PER_STEP + ", was "
                        + training.promptsPerStep());
        problems.require(training.groupSize() >= 2, path + ".groupSize",
                "must be at least 2 (objectives compare responses to one task), was " + training.groupSize());
        problems.require(training.groupSize() <= TrainingSpec.MAX_GROUP_SIZE, path + ".groupSize",
                "must be at most " + TrainingSpec.MAX_GROUP_SIZE + ", was " + training.groupSize());
    }

    /** @return the detectors of the collapse rules, in order */
    public List<ComponentSpec> collapseDetectors() {
        return collapse.stream().map(CollapseRule::detector).toList();
    }

    /** @return the training settings of arm {@code arm}: its own, else the experiment's */
    public TrainingSpec trainingOf(ArmSpec arm) {
        return arm.training() != null ? arm.training() : training;
    }
}
