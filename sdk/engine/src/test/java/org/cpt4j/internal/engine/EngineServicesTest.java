package org.cpt4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.domain.Domain;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.evaluation.DomainScore;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.internal.rl.SequenceScorer;
import org.cpt4j.internal.run.ArmPhase;
import org.cpt4j.internal.run.ArmState;
import org.cpt4j.internal.run.Directive;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.plugins.BuiltInPlugin;
import org.cpt4j.plugins.drift.Drift;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.teachers.Teachers;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.sampling.SamplingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each engine service replaced through {@code Cpt4jEngine.builder().override(module)}, and seen to serve the whole
 * run: the kernels every rollout, teacher score, evaluation and drift probe, the evaluator every evaluation, a bound
 * arm phase every step.
 */
class EngineServicesTest {

    @TempDir
    Path directory;

    private static ExperimentSpec tiny(String name) {
        return Cpt4j.experiment(name)
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(4).batchSize(4).mix("count"))
                .curriculum(c -> c.stage("count", s -> s.steps(3)))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(6)))
                .evaluation(e -> e.prompts(4).maxNewTokens(8))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.3)))
                .drift(Drift.responses())
                .build();
    }

    private RunOptions options(String runs) {
        return RunOptions.of(o -> o.runs(directory.resolve(runs)).cache(directory.resolve("cache")).threads(1));
    }

    private static Cpt4jEngine engine(Module override) {
        return Cpt4jEngine.builder().plugins(List.of(new BuiltInPlugin())).override(override).build();
    }

    /** The engine's kernels, counting what is asked of them. */
    private static final class CountingKernels implements Kernels {
        final AtomicInteger samples = new AtomicInteger();
        final AtomicInteger scores = new AtomicInteger();

        @Override
        public Sampler sampler(ModelConfig model, Parameters parameters) {
            Sampler sampler = Kernels.TRANSFORMER.sampler(model, parameters);
            return new Sampler() {
                @Override
                public int context() {
                    return sampler.context();
                }

                @Override
                public List<Generation> sample(List<int[]> prompts, int samplesPerPrompt, SamplingConfig sampling,
                                               long seed) {
                    samples.incrementAndGet();
                    return sampler.sample(prompts, samplesPerPrompt, sampling, seed);
                }
            };
        }

        @Override
        public SequenceScorer scorer(ModelConfig model, Parameters parameters) {
            SequenceScorer scorer = Kernels.TRANSFORMER.scorer(model, parameters);
            return sequences -> {
                scores.incrementAndGet();
                return scorer.logits(sequences);
            };
        }
    }

    @Test
    void replacedKernelsServeEverySamplerAndScorerOfARun() {
        CountingKernels kernels = new CountingKernels();
        ArmResult counted = engine(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Kernels.class).toInstance(kernels);
            }
        }).run(tiny("counted"), options("counted"), RunListener.SILENT).arm("sdpo");
        ArmResult plain = Cpt4jEngine.builder().plugins(List.of(new BuiltInPlugin())).build()
                .run(tiny("plain"), options("plain"), RunListener.SILENT).arm("sdpo");

        // 3 rollouts, the base's and the stage end's evaluation of the student and of sdpo's teacher (one per
        // evaluated domain each), and the drift probes: the reference's and the policy's greedy responses and one
        // sample for the token KL
        assertEquals(3 + 2 * 2 + 3, kernels.samples.get(), "every sampler of the run is the replaced one");
        assertTrue(kernels.scores.get() >= 3 + 2, "the teacher scores each step and the drift KL scores both policies, "
                + "was " + kernels.scores.get());
        assertEquals(plain.accuracy().csv(), counted.accuracy().csv(), "kernels that delegate change nothing");
    }

    @Test
    void aReplacedEvaluatorScoresEveryEvaluationOfARunAndOfABase() {
        Evaluator.Factory quarter = (format, spec) -> new Evaluator() {
            @Override
            public Evaluation evaluate(Sampler sampler, List<Domain> domains) {
                List<DomainScore> scores = domains.stream().map(d -> score(sampler, d)).toList();
                return new Evaluation(scores, scores);
            }

            @Override
            public DomainScore score(Sampler sampler, Domain domain) {
                return new DomainScore(domain.id(), domain.family(), spec.prompts(), 0.25, 1, 1);
            }

            @Override
            public DomainScore teacherScore(Sampler sampler, Domain domain) {
                return new DomainScore(domain.id(), domain.family(), spec.prompts(), 0.75, 1, 1);
            }
        };
        Cpt4jEngine engine = engine(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Evaluator.Factory.class).toInstance(quarter);
            }
        });
        ArmResult arm = engine.run(tiny("quarter"), options("quarter"), RunListener.SILENT).arm("sdpo");
        assertEquals(List.of(0.25, 0.25), List.of(arm.accuracy().at(0, "count"), arm.accuracy().at(1, "count")));
        assertTrue(arm.evaluations().stream().filter(point -> point.kind() != EvaluationPoint.Kind.IN_STAGE)
                .allMatch(point -> point.teacherAccuracy().equals(Map.of("count", 0.75))),
                "the sdpo arm's teacher is scored by the replaced evaluator too: " + arm.evaluations());
        Evaluation base = engine.evaluateBase(tiny("quarter").base(), EvaluationSpec.of(e -> e.prompts(3)),
                options("quarter"), RunListener.SILENT);
        assertTrue(base.student().stream().allMatch(score -> score.accuracy() == 0.25 && score.prompts() == 3),
                base.student().toString());
    }

    @Test
    void aBoundArmPhaseRunsAfterEveryStepAndCanStopTheArm() {
        AtomicInteger steps = new AtomicInteger();
        ArmPhase earlyStop = new ArmPhase() {
            @Override
            public Directive afterStep(ArmState arm, StepMetrics metrics) {
                steps.incrementAndGet();
                return arm.step() < 2 ? Directive.CONTINUE : Directive.stop(new CollapseEvent("early-stop", arm.step(),
                        "step " + arm.step() + " of arm " + arm.name() + " is enough", CollapseEvent.Severity.WARNING));
            }
        };
        ArmResult arm = engine(new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), ArmPhase.class).addBinding().toInstance(earlyStop);
            }
        }).run(tiny("early"), options("early"), RunListener.SILENT).arm("sdpo");
        assertEquals(2, steps.get(), "the phase heard each step until it stopped the arm");
        assertEquals("early-stop", arm.stoppedBy().orElseThrow().detector());
        assertEquals(List.of("base", "after count (stopped at step 2)"), arm.accuracy().rows());
    }
}
