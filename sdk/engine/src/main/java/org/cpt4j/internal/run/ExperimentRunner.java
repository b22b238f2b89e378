package org.cpt4j.internal.run;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.TrainingSpec;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.eval.HeldOutEvaluator;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.plugin.PluginCallException;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.internal.pretrain.BaseModelStore;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.internal.report.ReportWriter;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.logging.LoggerContext;
import org.cpt4j.logging.RunLogger;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.RunResult;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problems;
import org.cpt4j.text.Tokenizer;
import org.cpt4j.spec.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a resolved experiment: obtains the base model (cached), the probe set of response drift, and takes each arm
 * through its {@link ArmLoop} (with the {@link RunListener} and the evaluation log attached to its phases).
 * Everything lands in {@code runs/<experiment>/} ({@link RunDirectory}, {@link ArmDirectory}, and the report after
 * each arm, {@link ReportWriter}); an arm is
 * checkpointed every {@link RunOptions#checkpointEvery()} steps and after each stage, and a run started again with
 * the same spec resumes each arm from its newest checkpoint and ends as an uninterrupted run would.
 */
public final class ExperimentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);
    /** Held-out prompts per evaluated domain in the probe set of response drift. */
    private static final int PROBES_PER_DOMAIN = 16;
    /** Prompts whose first response is kept in {@code samples.jsonl}, at each stage's first and last step. */
    private static final int SAMPLES_KEPT = 4;

    private final ResolvedExperiment experiment;
    private final Tokenizer tokenizer;
    private final BaseModelStore store;
    private final RunOptions settings;
    private final Kernels kernels;
    private final Evaluator.Factory evaluators;
    private final Set<ArmPhase> extraPhases;
    /** The domains every evaluation scores: the curriculum's, then the extra ones. */
    private final List<String> evaluated;

    /**
     * @param tokenizer the tokenizer of every registered domain, so that one base serves every experiment
     * @param extraPhases the phases bound besides the loop's own, attached to every arm
     */
    @Inject
    ExperimentRunner(ResolvedExperiment experiment, Tokenizer tokenizer, BaseModelStore store, RunOptions settings,
                     Kernels kernels, Evaluator.Factory evaluators, Set<ArmPhase> extraPhases) {
        this.experiment = experiment;
        this.tokenizer = tokenizer;
        this.store = store;
        this.settings = settings;
        this.kernels = kernels;
        this.evaluators = evaluators;
        this.extraPhases = extraPhases;
        this.evaluated = experiment.spec().curriculum().evaluatedDomains();
    }

    /** @return the directory this experiment writes, {@code runs/<experiment>/} */
    private Path directory() {
        return settings.runs().resolve(experiment.spec().name());
    }

    /** @return each arm's accuracy table and collapse events, in the spec's order */
    public RunResult run(RunListener listener) throws IOException {
        ExperimentSpec spec = experiment.spec();
        if (directory().toAbsolutePath().normalize().equals(settings.cache().toAbsolutePath().normalize())) {
            throw new InvalidInputException("experiment '" + spec.name() + "' would write into the base-model cache "
                    + settings.cache() + "; rename the experiment");
        }
        List<RunLogger> loggers = loggers();
        try (RunDirectory directory = RunDirectory.open(settings.runs(), spec,
                earlier -> ResolvedExperiment.explicit(earlier, experiment.registry()))) {
            // a resume of files this cpt4j cannot read is refused before anything is written
            for (ArmSpec arm : spec.arms()) {
                directory.arm(arm.name()).checkReadable();
            }
            try (LoggingListener logging = LoggingListener.open(listener, loggers, new LoggerContext(spec.name(),
                    directory.root(), spec.arms().stream().map(ArmSpec::name).toList()))) {
                Provenance provenance = Provenance.started(directory.root(), experiment.registry(), ArmDirectory.JSON);
                RunResult result = runArms(directory, logging);
                provenance.finished();
                writeReport(directory);
                return result;
            }
        }
    }

    /** Writes the report; a report that cannot be written is a warning, not the end of a run whose files are safe. */
    private static void writeReport(RunDirectory directory) {
        try {
            ReportWriter.write(directory.root());
        } catch (IOException | RuntimeException e) {
            LOG.warn("the report of {} could not be written ({}); the run goes on, and 'cpt4j report {}' writes it "
                    + "from the run's files", directory.root(), e.toString(), directory.root());
        }
    }

    /**
     * @return the run's loggers, each a new instance
     * @throws InvalidSpecException listing every unknown logger id and invalid parameter, by its path in the options
     */
    private List<RunLogger> loggers() {
        Problems problems = new Problems("options");
        List<RunLogger> loggers = new ArrayList<>();
        for (int i = 0; i < settings.loggers().size(); i++) {
            RunLogger logger = experiment.registry().create(ComponentKind.LOGGER, settings.loggers().get(i),
                    "loggers[" + i + "]", problems);
            if (logger != null) {
                loggers.add(logger);
            }
        }
        problems.throwIfAny("run options of experiment '" + experiment.spec().name() + "'");
        return loggers;
    }

    private RunResult runArms(RunDirectory directory, RunListener listener) throws IOException {
        ExperimentSpec spec = experiment.spec();
        List<Domain> mix = spec.base().mix().stream().map(experiment::domain).toList();
        TransformerPolicy base = store.obtain(spec.base(), mix, tokenizer,
                (step, total, result) -> listener.onPretrainingStep(step, total, result.loss(),
                        result.learningRate())).policy();
        PromptFormat format = new PromptFormat(tokenizer);
        ProbeComparison.ProbeSet probes = new ProbeComparison.ProbeSet(probes(format, base.model().context()),
                spec.evaluation().maxNewTokens(), kernels);
        List<ArmResult> results = new ArrayList<>();
        List<ResolvedExperiment.Arm> arms = experiment.arms();
        for (int i = 0; i < arms.size(); i++) {
            ResolvedExperiment.Arm arm = arms.get(i);
            results.add(runArm(arm, base, format, probes, directory.arm(arm.spec().name()), listener));
            if (i < arms.size() - 1) {
                writeReport(directory); // so that a run stopped in a later arm has a report
            }
        }
        return new RunResult(spec.name(), directory.root(), results);
    }

    private ArmResult runArm(ResolvedExperiment.Arm arm, TransformerPolicy base, PromptFormat format,
                             ProbeComparison.ProbeSet probes, ArmDirectory files, RunListener listener)
            throws IOException {
        ExperimentSpec spec = experiment.spec();
        String name = arm.spec().name();
        TrainingSpec training = spec.trainingOf(arm.spec());
        TransformerPolicy policy = TransformerPolicy.startingFrom(base, training.optimizer());
        RlTrainer trainer;
        try {
            trainer = new RlTrainer(policy, format, arm.objective(), arm.teacher(), arm.reward(),
                    new RlTrainer.Settings(training.promptsPerStep(), training.groupSize(), training.sampling(),
                            spec.seed()), kernels);
        } catch (PluginCallException e) {
            throw ArmLoop.fatal(files, e, name, 0, 0, 0); // before the arm's first step
        }
        DriftWatch drift = new DriftWatch(experiment.drift(), () -> new ProbeComparison(policy.model(), format,
                base.parameters(), policy.parameters(), probes, spec.seed()), files,
                (state, metric, values) -> listener.onDrift(name, state.stage(), state.step(), metric, values));
        ArmPhase listening = new ArmPhase() {
            @Override
            public Directive afterStep(ArmState state, StepMetrics metrics) {
                listener.onStep(name, state.stage(), state.currentStage(), state.stageStep() - 1, metrics);
                return Directive.CONTINUE;
            }

            @Override
            public void collapsed(ArmState state, CollapseEvent event) {
                listener.onCollapse(name, event);
            }

            @Override
            public void rolledBack(ArmState state, long steps) {
                listener.onRollback(name, steps, state.attempt());
            }

            @Override
            public void evaluating(ArmState state, EvaluationPoint.Kind kind, int done, int domains) {
                listener.onEvaluationProgress(name, kind, done, domains);
            }

            @Override
            public void evaluated(ArmState state, EvaluationPoint point) {
                listener.onEvaluation(name, point);
            }
        };
        ArmPhase logging = new ArmPhase() {
            @Override
            public Directive afterStep(ArmState state, StepMetrics metrics) throws IOException {
                if (state.stageStep() == 1 || state.stageStep() == state.currentStage().steps()) {
                    keepSamples(trainer.lastRollouts(), state, files);
                }
                return Directive.CONTINUE;
            }

            @Override
            public void evaluated(ArmState state, EvaluationPoint point) throws IOException {
                files.appendEvaluation(point);
            }
        };
        List<ArmPhase> phases = new ArrayList<>(List.of(listening, logging));
        phases.addAll(extraPhases);
        return new ArmLoop(experiment, arm, policy, trainer, evaluators.create(format, spec.evaluation()), kernels,
                files, evaluated, settings.checkpointEvery(), drift, phases)
                .run((step, finished) -> listener.onResume(name, step, finished));
    }

    /** Keeps the first response to each of the step's first {@value #SAMPLES_KEPT} prompts, for reading. */
    private static void keepSamples(Rollouts rollouts, ArmState state, ArmDirectory files) throws IOException {
        for (int group = 0; group < SAMPLES_KEPT && group * rollouts.groupSize() < rollouts.rollouts().size();
             group++) {
            int row = group * rollouts.groupSize();
            files.appendSample(state.stage(), state.step() - 1, state.attempt(), rollouts.rollouts().get(row),
                    rollouts.teacherContext(row));
        }
    }

    /** @return the first {@value #PROBES_PER_DOMAIN} held-out tasks of each evaluated domain that fit the context */
    private List<ProbeComparison.Probe> probes(PromptFormat format, int context) {
        List<ProbeComparison.Probe> probes = new ArrayList<>();
        for (String id : evaluated) {
            for (Task task : HeldOutEvaluator.heldOutTasks(experiment.domain(id), PROBES_PER_DOMAIN,
                    experiment.spec().evaluation().seed())) {
                int[] prompt = format.studentPrompt(task);
                if (prompt.length < context) {
                    probes.add(new ProbeComparison.Probe(id, prompt, task.question()));
                }
            }
        }
        return probes;
    }
}
