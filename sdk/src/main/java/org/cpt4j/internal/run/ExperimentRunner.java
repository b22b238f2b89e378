package org.cpt4j.internal.run;

import com.google.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.domain.Domain;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.experiment.TrainingSpec;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.internal.pretrain.BaseModelStore;
import org.cpt4j.internal.pretrain.Pretrainer;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.internal.rl.StepMetrics;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.text.Tokenizer;

/**
 * Runs a resolved experiment: obtains the base model (cached), then takes each arm from the base through the
 * curriculum's stages in order with the {@link RlTrainer}, evaluating every domain (the curriculum's and the
 * extra ones) before the first stage and after each stage, and feeding every step's signals to a fresh set of
 * the spec's collapse detectors.
 */
public final class ExperimentRunner {

    /** Hears about progress. */
    public interface Listener {
        /** After step {@code step} (0-based) of stage {@code stage} of arm {@code arm}. */
        void onStep(String arm, int stage, StageSpec spec, long step, StepMetrics metrics);
    }

    private static final int MAX_NEW_TOKENS = 32;

    private final ResolvedExperiment experiment;
    private final Tokenizer tokenizer;
    private final BaseModelStore store;

    /** @param tokenizer the tokenizer of every registered domain, so that one base serves every experiment */
    @Inject
    ExperimentRunner(ResolvedExperiment experiment, Tokenizer tokenizer, BaseModelStore store) {
        this.experiment = experiment;
        this.tokenizer = tokenizer;
        this.store = store;
    }

    /** @return each arm's accuracy table and collapse events, in the spec's order */
    public List<ArmResult> run(Pretrainer.Listener pretraining, Listener listener) throws IOException {
        ExperimentSpec spec = experiment.spec();
        List<Domain> mix = spec.base().mix().stream().map(experiment::domain).toList();
        TransformerPolicy base = store.obtain(spec.base(), mix, tokenizer, pretraining).policy();
        PromptFormat format = new PromptFormat(tokenizer);
        Set<String> evaluated = new LinkedHashSet<>();
        spec.curriculum().stages().forEach(stage -> evaluated.add(stage.domain()));
        evaluated.addAll(spec.curriculum().evaluateOn());
        List<ArmResult> results = new ArrayList<>();
        for (ResolvedExperiment.Arm arm : experiment.arms()) {
            TrainingSpec training = spec.trainingOf(arm.spec());
            TransformerPolicy policy = TransformerPolicy.startingFrom(base, training.optimizer());
            RlTrainer trainer = new RlTrainer(policy, format, arm.objective(), arm.teacher(), arm.reward(),
                    new RlTrainer.Settings(training.promptsPerStep(), training.groupSize(), training.sampling(),
                            spec.seed()));
            List<String> rows = new ArrayList<>(List.of("base"));
            List<double[]> accuracy = new ArrayList<>();
            accuracy.add(evaluate(policy, format, evaluated, training.evaluationPrompts()));
            List<CollapseDetector> detectors = experiment.collapseDetectors();
            List<CollapseEvent> events = new ArrayList<>();
            long step = 0;
            for (int s = 0; s < spec.curriculum().stages().size(); s++) {
                StageSpec stage = spec.curriculum().stages().get(s);
                trainer.startStage(s);
                Domain domain = experiment.domain(stage.domain());
                for (int i = 0; i < stage.steps(); i++, step++) {
                    StepMetrics metrics = trainer.step(domain, step);
                    StepSignals signals = new StepSignals(step, metrics.rewardMean(), metrics.entropy(),
                            metrics.formatValid(), metrics.meanLength(), metrics.truncatedFraction(),
                            metrics.skippedUpdates() == 0 && Double.isFinite(metrics.loss()));
                    for (CollapseDetector detector : detectors) {
                        detector.observe(signals).ifPresent(events::add);
                    }
                    listener.onStep(arm.spec().name(), s, stage, i, metrics);
                }
                rows.add("after " + stage.domain());
                accuracy.add(evaluate(policy, format, evaluated, training.evaluationPrompts()));
            }
            results.add(new ArmResult(new AccuracyTable(arm.spec().name(), List.copyOf(evaluated), rows,
                    accuracy.toArray(double[][]::new)), events));
        }
        return results;
    }

    private double[] evaluate(TransformerPolicy policy, PromptFormat format, Set<String> domains, int prompts) {
        Evaluator evaluator = new Evaluator(format, MAX_NEW_TOKENS);
        Sampler sampler = new Sampler(policy.model(), policy.parameters());
        return domains.stream().mapToDouble(id -> {
            Domain domain = experiment.domain(id);
            return evaluator.score(sampler, domain, Evaluator.heldOutTasks(domain, prompts, experiment.spec().seed()),
                    format::studentPrompt).accuracy();
        }).toArray();
    }
}
