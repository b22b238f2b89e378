package org.cpt4j.internal.run;

import java.util.ArrayList;
import java.util.List;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.StageSpec;
import org.jspecify.annotations.Nullable;

/**
 * Where one arm is, as the loop moves it: its stage and the steps of it done, its steps in all, its accuracy rows, its
 * attempt (one more after each rollback, with the step each began at), each collapse rule's rollbacks, the teacher
 * schedule a rollback put in, and what stopped it. A checkpoint is its {@link ArmDirectory.Progress}.
 */
public final class ArmState {

    private final String name;
    private final List<StageSpec> stages;
    private int stage;
    private int stageStep;
    private long step;
    private final List<double[]> accuracy;
    private int attempt;
    private final List<Long> attemptStarts;
    private final List<Integer> rollbacks;
    private @Nullable ComponentSpec teacher;
    private @Nullable CollapseEvent stoppedBy;

    ArmState(String name, List<StageSpec> stages, ArmDirectory.Progress progress, int rules) {
        this.name = name;
        this.stages = List.copyOf(stages);
        this.stage = progress.stage();
        this.stageStep = progress.stageStep();
        this.step = progress.step();
        this.accuracy = new ArrayList<>(progress.accuracy());
        this.attempt = progress.attempt();
        this.attemptStarts = new ArrayList<>(progress.attemptStarts());
        this.rollbacks = new ArrayList<>(progress.rollbacks());
        while (rollbacks.size() < rules) {
            rollbacks.add(0);
        }
        this.teacher = progress.teacher();
        this.stoppedBy = progress.stoppedBy();
    }

    /** @return the checkpoint form of this state */
    ArmDirectory.Progress progress() {
        return new ArmDirectory.Progress(stage, stageStep, step, accuracy, attempt, attemptStarts, rollbacks, teacher,
                stoppedBy);
    }

    /** @return the arm's name */
    public String name() {
        return name;
    }

    /** @return the stage the arm is in (0-based) */
    public int stage() {
        return stage;
    }

    /** @return the steps of the current stage done */
    public int stageStep() {
        return stageStep;
    }

    /** @return the arm's steps done, over all stages */
    public long step() {
        return step;
    }

    /** @return the attempt: 0, and one more after each rollback */
    public int attempt() {
        return attempt;
    }

    /** @return the current stage's spec */
    public StageSpec currentStage() {
        return stages.get(stage);
    }

    List<StageSpec> stages() {
        return stages;
    }

    List<double[]> accuracy() {
        return List.copyOf(accuracy);
    }

    int rollbacks(int rule) {
        return rollbacks.get(rule);
    }

    @Nullable ComponentSpec teacher() {
        return teacher;
    }

    @Nullable CollapseEvent stoppedBy() {
        return stoppedBy;
    }

    /** @return whether the arm has nothing left to train: every stage done, or stopped */
    boolean finished() {
        return stage == stages.size() || stoppedBy != null;
    }

    /** @return whether the current stage has run all its steps */
    boolean stageEnded() {
        return stageStep == stages.get(stage).steps();
    }

    void stepDone() {
        stageStep++;
        step++;
    }

    /** Adds the base's row: the evaluation before the first stage. */
    void addBaseRow(double[] row) {
        accuracy.add(row);
    }

    /** Adds the row of the evaluation that ends the current stage and moves to the next. */
    void endStage(double[] row) {
        accuracy.add(row);
        stage++;
        stageStep = 0;
    }

    /** Adds the row of the evaluation where {@code event} stopped the arm. */
    void stop(double[] row, CollapseEvent event) {
        accuracy.add(row);
        stoppedBy = event;
    }

    /** Takes {@code restored}'s place as the next attempt, rule {@code rule} having made one more rollback. */
    void rollBackTo(ArmDirectory.Progress restored, int rule, @Nullable ComponentSpec replacementTeacher) {
        stage = restored.stage();
        stageStep = restored.stageStep();
        step = restored.step();
        accuracy.clear();
        accuracy.addAll(restored.accuracy());
        attempt++;
        attemptStarts.add(step);
        rollbacks.set(rule, rollbacks.get(rule) + 1);
        if (replacementTeacher != null) {
            teacher = replacementTeacher;
        }
    }
}
