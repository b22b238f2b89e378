package org.cpt4j.internal.run;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.experiment.TrainingSpec;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.internal.pretrain.BaseModelStore;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.ContinualMeasures;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.RunResult;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.text.Tokenizer;

/**
 * Runs a resolved experiment: obtains the base model (cached), then takes each arm from the base through the
 * curriculum's stages in order with the {@link RlTrainer}, evaluating every domain (the curriculum's and the
 * extra ones) before the first stage and after each stage, measuring the drift metrics after each stage, and
 * feeding every step's signals to a fresh set of the spec's collapse detectors ({@link ArmWatchers}). Everything lands in
 * {@code runs/<experiment>/} ({@link RunDirectory}, {@link ArmDirectory}); an arm is checkpointed every
 * {@link RunOptions#checkpointEvery()} steps and after each stage, and a run started again with the same spec
 * resumes each arm from its newest checkpoint and ends as an uninterrupted run would. A drift metric or collapse
 * detector that throws is recorded in {@code events.jsonl} and disabled for the arm.
 */
public final class ExperimentRunner {

    /** Held-out prompts per evaluated domain in the probe set of response drift. */
    private static final int PROBES_PER_DOMAIN = 16;

    private final ResolvedExperiment experiment;
    private final Tokenizer tokenizer;
    private final BaseModelStore store;
    private final RunOptions settings;
    /** The domains every evaluation scores: the curriculum's, then the extra ones. */
    private final List<String> evaluated;

    /** @param tokenizer the tokenizer of every registered domain, so that one base serves every experiment */
    @Inject
    ExperimentRunner(ResolvedExperiment experiment, Tokenizer tokenizer, BaseModelStore store, RunOptions settings) {
        this.experiment = experiment;
        this.tokenizer = tokenizer;
        this.store = store;
        this.settings = settings;
        this.evaluated = evaluatedDomains(experiment.spec());
    }

    /** @return the directory this experiment writes, {@code runs/<experiment>/} */
    private Path directory() {
        return settings.runs().resolve(experiment.spec().name());
    }

    /** @return each arm's accuracy table and collapse events, in the spec's order */
    public RunResult run(RunListener listener) throws IOException {
        ExperimentSpec spec = experiment.spec();
        if (directory().toAbsolutePath().normalize().equals(settings.cache().toAbsolutePath().normalize())) {
            throw new IllegalStateException("experiment '" + spec.name() + "' would write into the base-model cache "
                    + settings.cache() + "; rename the experiment");
        }
        RunDirectory directory = RunDirectory.open(settings.runs(), spec);
        List<Domain> mix = spec.base().mix().stream().map(experiment::domain).toList();
        TransformerPolicy base = store.obtain(spec.base(), mix, tokenizer,
                (step, total, result) -> listener.onPretrainingStep(step, total, result.loss(),
                        result.learningRate())).policy();
        PromptFormat format = new PromptFormat(tokenizer);
        ProbeComparison.ProbeSet probes = new ProbeComparison.ProbeSet(probes(format, base.model().context()),
                spec.evaluation().maxNewTokens());
        List<ArmResult> results = new ArrayList<>();
        for (ResolvedExperiment.Arm arm : experiment.arms()) {
            results.add(runArm(arm, base, format, probes, directory.arm(arm.spec().name()), listener));
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
        RlTrainer trainer = new RlTrainer(policy, format, arm.objective(), arm.teacher(), arm.reward(),
                new RlTrainer.Settings(training.promptsPerStep(), training.groupSize(), training.sampling(),
                        spec.seed()));
        ArmWatchers watchers = new ArmWatchers(experiment.collapseDetectors(), experiment.drift(), files);
        List<double[]> accuracy = new ArrayList<>();
        ArmDirectory.Progress progress;
        Optional<ArmDirectory.Progress> restored = files.restoreLatest(policy, trainer);
        if (restored.isPresent()) {
            progress = restored.get();
            files.rewindTo(progress);
            accuracy.addAll(progress.accuracy());
            watchers.resume();
            listener.onResume(name, progress.step(), progress.stage() == spec.curriculum().stages().size());
        } else {
            files.clearLogs();
            accuracy.add(evaluate(policy, format));
            progress = new ArmDirectory.Progress(0, 0, 0, accuracy);
            files.writeAccuracy(table(name, accuracy));
            files.writeCheckpoint(progress, policy, trainer);
        }
        long step = progress.step();
        for (int s = progress.stage(); s < spec.curriculum().stages().size(); s++) {
            StageSpec stage = spec.curriculum().stages().get(s);
            int first = s == progress.stage() ? progress.stageStep() : 0;
            if (first == 0) {
                trainer.startStage(s);
            }
            Domain domain = experiment.domain(stage.domain());
            for (int i = first; i < stage.steps(); i++, step++) {
                StepMetrics metrics = trainer.step(domain, step);
                files.appendMetrics(s, stage.domain(), metrics);
                watchers.observe(s, metrics);
                listener.onStep(name, s, stage, i, metrics);
                if ((i + 1) % settings.checkpointEvery() == 0 && i + 1 < stage.steps()) {
                    files.writeCheckpoint(new ArmDirectory.Progress(s, i + 1, step + 1, accuracy), policy, trainer);
                }
            }
            accuracy.add(evaluate(policy, format));
            watchers.measure(s, step, new ProbeComparison(policy.model(), format, base.parameters(),
                    policy.parameters(), probes, spec.seed()));
            files.writeAccuracy(table(name, accuracy));
            files.writeCheckpoint(new ArmDirectory.Progress(s + 1, 0, step, accuracy), policy, trainer);
        }
        AccuracyMatrix matrix = table(name, accuracy);
        ContinualMeasures measures = ContinualMeasures.of(matrix,
                spec.curriculum().stages().stream().map(StageSpec::domain).toList());
        files.writeMeasures(measures);
        return new ArmResult(matrix, measures, watchers.events());
    }

    /** @return the first {@value #PROBES_PER_DOMAIN} held-out tasks of each evaluated domain that fit the context */
    private List<ProbeComparison.Probe> probes(PromptFormat format, int context) {
        List<ProbeComparison.Probe> probes = new ArrayList<>();
        for (String id : evaluated) {
            for (Task task : Evaluator.heldOutTasks(experiment.domain(id), PROBES_PER_DOMAIN,
                    experiment.spec().evaluation().seed())) {
                int[] prompt = format.studentPrompt(task);
                if (prompt.length < context) {
                    probes.add(new ProbeComparison.Probe(id, prompt, task.question()));
                }
            }
        }
        return probes;
    }

    /** @return the curriculum's domains, then the extra ones, each once */
    private static List<String> evaluatedDomains(ExperimentSpec spec) {
        Set<String> evaluated = new LinkedHashSet<>();
        spec.curriculum().stages().forEach(stage -> evaluated.add(stage.domain()));
        evaluated.addAll(spec.curriculum().evaluateOn());
        return List.copyOf(evaluated);
    }

    /** @return the accuracy rows so far as a matrix: {@code base}, then {@code after <domain>} per finished stage */
    private AccuracyMatrix table(String arm, List<double[]> accuracy) {
        List<String> rows = new ArrayList<>(List.of("base"));
        for (int s = 0; s < accuracy.size() - 1; s++) {
            rows.add("after " + experiment.spec().curriculum().stages().get(s).domain());
        }
        return new AccuracyMatrix(arm, evaluated, rows, accuracy.toArray(double[][]::new));
    }

    private double[] evaluate(TransformerPolicy policy, PromptFormat format) {
        Evaluator evaluator = new Evaluator(format, experiment.spec().evaluation());
        Sampler sampler = new Sampler(policy.model(), policy.parameters());
        return evaluated.stream().mapToDouble(id -> evaluator.score(sampler, experiment.domain(id)).accuracy()).toArray();
    }
}
