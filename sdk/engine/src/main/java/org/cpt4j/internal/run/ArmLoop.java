package org.cpt4j.internal.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.domain.Domain;
import org.cpt4j.experiment.ArmChange;
import org.cpt4j.experiment.CollapseAction;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.plugin.PluginCallException;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.ContinualMeasures;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.LearningSpeed;
import org.cpt4j.run.PluginFailure;
import org.cpt4j.run.PluginFailureException;
import org.cpt4j.run.StepMetrics;

/**
 * One arm, from the base (or its newest checkpoint) through the curriculum, as a sequence of phases that its
 * {@link ArmPhase}s attach to (metrics log, collapse watch, listener, evaluation log, drift, checkpoints):
 * <pre>
 * start:       restore the newest checkpoint, or evaluate the base and checkpoint it
 * each stage:  beforeStage → each step: train, afterStep → [stop | roll back | evaluation due? checkpoint due?]
 *              → stage end: evaluate, afterStage, next stage, checkpoint
 * end:         measures, afterArm
 * </pre>
 * The accuracy table ({@code accuracy.csv}, one row per stage) and {@code measures.json} are the loop's own.
 */
final class ArmLoop {

    private final ResolvedExperiment experiment;
    private final ResolvedExperiment.Arm arm;
    private final TransformerPolicy policy;
    private final RlTrainer trainer;
    private final Evaluator evaluator;
    private final Kernels kernels;
    private final ArmDirectory files;
    private final List<String> evaluated;
    private final int checkpointEvery;
    private final CollapseWatch collapse;
    private final DivergenceWatch divergence;
    private final DriftWatch drift;
    private final List<ArmPhase> phases;

    /**
     * @param evaluator scores the policy at each evaluation, through a sampler {@code kernels} makes
     * @param evaluated the domains every evaluation scores, in order
     * @param phases the phases besides the collapse watch, the drift watch and checkpointing, in order
     */
    ArmLoop(ResolvedExperiment experiment, ResolvedExperiment.Arm arm, TransformerPolicy policy, RlTrainer trainer,
            Evaluator evaluator, Kernels kernels, ArmDirectory files, List<String> evaluated, int checkpointEvery,
            DriftWatch drift, List<ArmPhase> phases) {
        this.experiment = experiment;
        this.arm = arm;
        this.policy = policy;
        this.trainer = trainer;
        this.evaluator = evaluator;
        this.kernels = kernels;
        this.files = files;
        this.evaluated = List.copyOf(evaluated);
        this.checkpointEvery = checkpointEvery;
        this.collapse = new CollapseWatch(experiment.spec().collapse(), experiment::collapseDetectors, files);
        this.divergence = new DivergenceWatch(arm.objective().epochs());
        this.drift = drift;
        List<ArmPhase> all = new ArrayList<>();
        all.add(new ArmPhase() {
            @Override
            public Directive afterStep(ArmState state, StepMetrics metrics) throws IOException {
                files.appendMetrics(state.stage(), state.currentStage().domain(), state.attempt(), metrics);
                return Directive.CONTINUE;
            }
        });
        all.add(collapse);
        all.add(divergence);
        all.addAll(phases);
        all.add(drift);
        all.add(new ArmPhase() {
            @Override
            public void checkpointDue(ArmState state) throws IOException {
                files.writeCheckpoint(state.progress(), policy, trainer);
            }
        });
        this.phases = List.copyOf(all);
    }

    /**
     * Runs the arm to its end (or reads it back when it had ended).
     *
     * @throws PluginFailureException when a component the arm cannot go on without failed (recorded in its events)
     */
    ArmResult run(ResumeListener resumed) throws IOException {
        ArmState state = start(resumed);
        try {
            runSteps(state);
        } catch (PluginCallException e) {
            throw fatal(files, e, state.name(), state.attempt(), state.stage(), state.step());
        }
        return finish(state);
    }

    /** @return the exception that ends the run after {@code e}, recorded in {@code files} as where it happened */
    static PluginFailureException fatal(ArmDirectory files, PluginCallException e, String arm, int attempt, int stage,
                                        long step) throws IOException {
        PluginFailure failure = e.failure(arm, stage, step, true);
        files.appendPluginFailure(attempt, failure);
        return new PluginFailureException(failure, e.getCause() != null ? e.getCause() : e);
    }

    private void runSteps(ArmState state) throws IOException {
        while (!state.finished()) {
            if (state.stageStep() == 0) {
                trainer.startStage(state.stage());
                for (ArmPhase phase : phases) {
                    phase.beforeStage(state);
                }
            }
            StepMetrics metrics = trainer.step(domain(state), state.step());
            state.stepDone();
            Directive directive = afterStep(state, metrics);
            if (directive.kind() == CollapseAction.Kind.STOP) {
                stop(state, directive.event());
            } else if (directive.kind() == CollapseAction.Kind.ROLLBACK) {
                rollBack(state, directive);
            } else if (state.stageEnded()) {
                endStage(state);
            } else {
                if (experiment.spec().evaluation().dueAfter(state.stageStep(), state.currentStage().steps())) {
                    evaluate(state, EvaluationPoint.Kind.IN_STAGE);
                }
                if (state.stageStep() % checkpointEvery == 0) {
                    checkpoint(state);
                }
            }
        }
    }

    /** Hears that an arm goes on from a checkpoint. */
    @FunctionalInterface
    interface ResumeListener {
        void resumed(long step, boolean finished);
    }

    private ArmState start(ResumeListener resumed) throws IOException {
        int rules = experiment.spec().collapse().size();
        Optional<ArmDirectory.Progress> restored = files.restoreLatest(policy, trainer);
        if (restored.isPresent()) {
            ArmDirectory.Progress progress = restored.get();
            files.rewindTo(progress);
            if (progress.teacher() != null) {
                trainer.replaceSchedule(experiment.teacher(progress.teacher()));
            }
            collapse.resume(progress);
            divergence.resume(files.recordedMetrics(progress));
            drift.resume();
            ArmState state = new ArmState(arm.spec().name(), stages(), progress, rules);
            resumed.resumed(progress.step(), state.finished());
            return state;
        }
        files.clearLogs();
        ArmState state = new ArmState(arm.spec().name(), stages(), ArmDirectory.Progress.first(0, 0, 0, List.of()),
                rules);
        state.addBaseRow(evaluate(state, EvaluationPoint.Kind.BASE));
        files.writeAccuracy(table(state));
        checkpoint(state);
        return state;
    }

    private Directive afterStep(ArmState state, StepMetrics metrics) throws IOException {
        int known = collapse.events().size();
        Directive directive = Directive.CONTINUE;
        for (ArmPhase phase : phases) {
            Directive said = phase.afterStep(state, metrics);
            directive = directive.goesOn() ? said : directive;
        }
        List<CollapseEvent> events = collapse.events();
        for (CollapseEvent event : events.subList(known, events.size())) {
            for (ArmPhase phase : phases) {
                phase.collapsed(state, event);
            }
        }
        return directive;
    }

    private void endStage(ArmState state) throws IOException {
        double[] row = evaluate(state, EvaluationPoint.Kind.STAGE_END);
        for (ArmPhase phase : phases) {
            phase.afterStage(state);
        }
        state.endStage(row);
        files.writeAccuracy(table(state));
        checkpoint(state);
    }

    private void stop(ArmState state, CollapseEvent event) throws IOException {
        files.appendCollapseAction(state.stage(), state.attempt(), event, CollapseAction.Kind.STOP, state.step(), null);
        state.stop(evaluate(state, EvaluationPoint.Kind.STOPPED), event);
        files.writeAccuracy(table(state));
        checkpoint(state);
    }

    /**
     * Goes back to the newest checkpoint (the newest one before the event: none is written once a rule has fired),
     * applies the rule's change, and goes on as the next attempt; fresh detectors replay the lineage up to there.
     */
    private void rollBack(ArmState state, Directive directive) throws IOException {
        ArmChange change = experiment.spec().collapse().get(directive.rule()).action().change();
        ArmDirectory.Progress restored = files.restoreLatest(policy, trainer).orElseThrow();
        files.appendCollapseAction(state.stage(), state.attempt(), directive.event(), CollapseAction.Kind.ROLLBACK,
                restored.step(), change);
        state.rollBackTo(restored, directive.rule(), change.teacher());
        for (ArmPhase phase : phases) {
            phase.rolledBack(state, restored.step());
        }
        if (change.learningRateScale() != null) {
            policy.reconfigure(policy.optimizer().withLearningRate(policy.optimizer().learningRate()
                    * change.learningRateScale()));
        }
        if (state.teacher() != null) {
            trainer.replaceSchedule(experiment.teacher(state.teacher()));
        }
        collapse.resume(state.progress());
        divergence.resume(files.recordedMetrics(state.progress()));
        checkpoint(state);
    }

    private void checkpoint(ArmState state) throws IOException {
        for (ArmPhase phase : phases) {
            phase.checkpointDue(state);
        }
    }

    /** @return the accuracy row of an evaluation of the policy now, after telling the phases about it */
    private double[] evaluate(ArmState state, EvaluationPoint.Kind kind) throws IOException {
        Sampler sampler = kernels.sampler(policy.model(), policy.parameters());
        // the teacher, too, where the objective distils from one: its advantage is the signal SDPO distils
        Optional<Sampler> teacher = kind == EvaluationPoint.Kind.IN_STAGE ? Optional.empty()
                : trainer.teacherSamplingWeights().map(weights -> kernels.sampler(policy.model(), weights));
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Double> teacherAccuracy = new LinkedHashMap<>();
        for (String id : evaluated) {
            for (ArmPhase phase : phases) {
                phase.evaluating(state, kind, accuracy.size(), evaluated.size());
            }
            accuracy.put(id, evaluator.score(sampler, experiment.domain(id)).accuracy());
            if (teacher.isPresent()) {
                teacherAccuracy.put(id, evaluator.teacherScore(teacher.get(), experiment.domain(id)).accuracy());
            }
        }
        EvaluationPoint point = new EvaluationPoint(kind, state.stage(), state.stageStep(), state.step(),
                state.attempt(), accuracy, teacherAccuracy);
        for (ArmPhase phase : phases) {
            phase.evaluated(state, point);
        }
        return accuracy.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private ArmResult finish(ArmState state) throws IOException {
        AccuracyMatrix matrix = table(state);
        List<String> reached = stages().subList(0, state.accuracy().size() - 1).stream().map(StageSpec::domain).toList();
        ContinualMeasures measures = ContinualMeasures.of(matrix, reached);
        List<EvaluationPoint> evaluations = files.recordedEvaluations(state.progress());
        List<LearningSpeed> speed = LearningSpeed.of(matrix, reached, evaluations);
        files.writeMeasures(measures, speed);
        ArmResult result = new ArmResult(arm.spec().name(), matrix, measures, collapse.events(), evaluations, speed,
                Optional.ofNullable(state.stoppedBy()), files.recordedFailures());
        for (ArmPhase phase : phases) {
            phase.afterArm(state, result);
        }
        return result;
    }

    /**
     * @return the accuracy rows so far as a matrix: {@code base}, then {@code after <domain>} per finished stage, and
     *     {@code after <domain> (stopped at step N)} where a rule stopped the arm
     */
    private AccuracyMatrix table(ArmState state) {
        List<String> rows = new ArrayList<>(List.of("base"));
        for (int s = 0; s < state.accuracy().size() - 1; s++) {
            boolean stoppedHere = state.stoppedBy() != null && s == state.accuracy().size() - 2;
            rows.add("after " + stages().get(s).domain() + (stoppedHere ? " (stopped at step " + state.step() + ")" : ""));
        }
        return new AccuracyMatrix(arm.spec().name(), evaluated, rows, state.accuracy().toArray(double[][]::new));
    }

    private List<StageSpec> stages() {
        return experiment.spec().curriculum().stages();
    }

    private Domain domain(ArmState state) {
        return experiment.domain(state.currentStage().domain());
    }
}
