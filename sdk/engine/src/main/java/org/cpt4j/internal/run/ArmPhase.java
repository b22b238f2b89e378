package org.cpt4j.internal.run;

import java.io.IOException;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.StepMetrics;

/**
 * A part of the arm loop's work, attached to its phases; every hook does nothing unless overridden. For each arm the
 * loop calls, in order: {@link #evaluated} (the base's, on a fresh start) and {@link #checkpointDue}; then per stage
 * {@link #beforeStage}, per step {@link #afterStep} (then, when the step goes on, {@link #evaluated} for an evaluation
 * due inside the stage and {@link #checkpointDue} every few steps), and at the stage's end {@link #evaluated},
 * {@link #afterStage}, {@link #checkpointDue}; finally {@link #afterArm}. Phases run in the order they were attached.
 *
 * <p>Besides the engine's own (metrics log, collapse watch, listener, evaluation log, drift watch, checkpointing), a
 * run attaches every phase bound in Guice's {@code Multibinder<ArmPhase>} ({@code EngineServices}), after the
 * listener's and before the drift watch; a phase of the same instance serves every arm ({@link ArmState#name}).
 */
public interface ArmPhase {

    /** Before the first step of a stage (not when a run resumes inside it). */
    default void beforeStage(ArmState arm) throws IOException {
    }

    /** After a step; a collapse rule's directive other than {@link Directive#CONTINUE} stops or rolls back the arm. */
    default Directive afterStep(ArmState arm, StepMetrics metrics) throws IOException {
        return Directive.CONTINUE;
    }

    /** After a step in which a collapse detector reported {@code event} (once per event, after every afterStep). */
    default void collapsed(ArmState arm, CollapseEvent event) throws IOException {
    }

    /** After a collapse rule rolled the arm back to its checkpoint after {@code steps} steps (a new attempt). */
    default void rolledBack(ArmState arm, long steps) throws IOException {
    }

    /** Before an evaluation of {@code kind} scores its next domain, {@code done} of {@code domains} being scored. */
    default void evaluating(ArmState arm, EvaluationPoint.Kind kind, int done, int domains) throws IOException {
    }

    /** After an evaluation: the base's, one inside a stage, a stage end's, or the one where a rule stopped the arm. */
    default void evaluated(ArmState arm, EvaluationPoint point) throws IOException {
    }

    /** When the arm's state is to be kept: every few steps, at stage ends, after a rollback and at the start. */
    default void checkpointDue(ArmState arm) throws IOException {
    }

    /** After a stage's last step and its evaluation. */
    default void afterStage(ArmState arm) throws IOException {
    }

    /** When the arm has ended, with what it produced. */
    default void afterArm(ArmState arm, ArmResult result) throws IOException {
    }
}
