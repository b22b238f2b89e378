package org.cpt4j.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cpt4j.bench.BenchReport;
import org.cpt4j.bench.BenchSettings;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.domain.Domain;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.engine.BaseModel;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.engine.EngineFactory;
import org.cpt4j.engine.ResolvedSpec;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.internal.bench.Benchmark;
import org.cpt4j.internal.bench.RlStepProbe;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.internal.pretrain.BaseModelStore;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.internal.report.ReportWriter;
import org.cpt4j.internal.run.EngineServices;
import org.cpt4j.internal.run.ExperimentEngine;
import org.cpt4j.internal.runtime.NativeRuntime;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.store.UnreadableFileException;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.objective.Objective;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugin.RegisteredComponent;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.RunReport;
import org.cpt4j.run.RunResult;
import org.cpt4j.sweep.SweepListener;
import org.cpt4j.sweep.SweepOptions;
import org.cpt4j.sweep.SweepResult;
import org.cpt4j.sweep.SweepSpec;
import org.cpt4j.internal.sweep.LocalSweep;
import org.cpt4j.spec.Problems;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.text.Tokenizer;
import org.cpt4j.spec.InvalidInputException;

/**
 * The engine behind {@link Cpt4jEngine}: each call applies its options' thread count, then works through the
 * engine's services ({@link EngineServices}, with the builder's overrides). A run gets one Guice injector of its own
 * ({@link ExperimentEngine}).
 */
public final class Engine implements Cpt4jEngine {

    /** Found by {@link Cpt4jEngine#builder()} through {@code META-INF/services}. */
    public static final class Factory implements EngineFactory {
        @Override
        public Cpt4jEngine create(List<Cpt4jPlugin> plugins, Module overrides) {
            return new Engine(plugins, overrides);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Cpt4jPlugin> plugins;
    private final PluginRegistry registry;
    private final Module overrides;

    private Engine(List<Cpt4jPlugin> plugins, Module overrides) {
        this.plugins = List.copyOf(plugins);
        this.registry = PluginRegistry.of(this.plugins);
        this.overrides = overrides;
    }

    /** @return the engine's services for a call with {@code options}, with the builder's overrides applied */
    private Injector services(RunOptions options) {
        return Guice.createInjector(Modules.override(new EngineServices(options)).with(overrides));
    }

    @Override
    public ResolvedSpec resolve(ExperimentSpec spec) {
        ResolvedExperiment resolved = ExperimentEngine.create(spec, RunOptions.defaults(), plugins, overrides).resolved();
        return new ResolvedSpec(spec, resolved.spec(), resolved.arms().stream().map(arm -> new ResolvedSpec.Arm(arm.spec().name(),
                arm.objective().id(), arm.teacher().id(), arm.reward().components().stream()
                        .map(WeightedReward.Component::name).toList())).toList(), List.copyOf(resolved.domains().keySet()),
                resolved.drift().stream().map(DriftMetric::id).toList(),
                resolved.collapseDetectors().stream().map(CollapseDetector::id).toList());
    }

    @Override
    public BaseModel pretrain(PretrainSpec spec, RunOptions options, RunListener listener) {
        BaseModelStore.Base base = obtain(services(options), spec, options, listener);
        return new BaseModel(base.specHash(), base.directory(), base.cached(), base.policy().model(), base.trainedWith());
    }

    @Override
    public Evaluation evaluateBase(PretrainSpec spec, EvaluationSpec evaluation, RunOptions options,
                                   RunListener listener) {
        Injector services = services(options);
        BaseModelStore.Base base = obtain(services, spec, options, listener);
        Evaluation result = services.getInstance(Evaluator.Factory.class)
                .create(new PromptFormat(base.tokenizer()), evaluation)
                .evaluate(services.getInstance(Kernels.class).sampler(base.policy().model(), base.policy().parameters()),
                        registry.domains());
        try {
            FileFormat.BASE_EVALUATION.write(base.directory().resolve(FileFormat.BASE_EVALUATION.file()), JSON, result);
        } catch (IOException e) {
            throw failure("cannot write the evaluation of " + base.directory(), e);
        }
        return result;
    }

    private BaseModelStore.Base obtain(Injector services, PretrainSpec spec, RunOptions options,
                                       RunListener listener) {
        NativeRuntime.useThreads(options.threads());
        List<Domain> mix = registry.domains("pretrain.mix", spec.mix());
        Tokenizer tokenizer = Tokenizer.forDomains(registry.domains());
        try {
            return services.getInstance(BaseModelStore.class).obtain(spec, mix, tokenizer,
                    (step, total, result) -> listener.onPretrainingStep(step, total, result.loss(), result.learningRate()));
        } catch (IOException e) {
            throw failure("base model under " + options.cache(), e);
        }
    }

    @Override
    public RunResult run(ExperimentSpec spec, RunOptions options, RunListener listener) {
        ExperimentEngine engine = ExperimentEngine.create(spec, options, plugins, overrides);
        NativeRuntime.useThreads(options.threads());
        try {
            return engine.runner().run(listener);
        } catch (IOException e) {
            throw failure("experiment '" + spec.name() + "'", e);
        }
    }

    /**
     * @return what {@code e} is at the engine's face: bad input when it is a file there that this cpt4j cannot read,
     *     else a failure to read or write
     */
    private static RuntimeException failure(String what, IOException e) {
        return e instanceof UnreadableFileException ? new InvalidInputException(what + ": " + e.getMessage(), e)
                : new UncheckedIOException(what + ": " + e.getMessage(), e);
    }

    @Override
    public RunReport report(Path experimentDirectory) {
        try {
            return ReportWriter.write(experimentDirectory);
        } catch (IOException e) {
            throw failure("report of " + experimentDirectory, e);
        }
    }

    @Override
    public RunReport report(List<Path> seeds, Path file) {
        try {
            return ReportWriter.write(seeds, file);
        } catch (IOException e) {
            throw failure("report over " + seeds, e);
        }
    }

    @Override
    public SweepResult sweep(SweepSpec sweep, SweepOptions options, SweepListener listener) {
        return new LocalSweep(this).run(sweep, options, listener);
    }

    @Override
    public List<RegisteredComponent> components() {
        return registry.entries().stream().map(entry -> new RegisteredComponent(entry.kind(), entry.id(),
                entry.component().defaultValues(), entry.plugin(), entry.source(), entry.version())).toList();
    }

    /**
     * Times the on-policy step of GRPO (with a reference KL, β 0.04) and of SDPO (its defaults), frozen teacher,
     * the verifier's correctness, on {@code add}: what the shipped experiment runs.
     */
    @Override
    public BenchReport bench(BenchSettings settings, Consumer<String> progress) {
        Problems problems = new Problems("bench");
        Objective grpo = registry.create(ComponentKind.OBJECTIVE, ComponentSpec.of("grpo", Map.of("klBeta", 0.04)),
                "grpo", problems);
        Objective sdpo = registry.create(ComponentKind.OBJECTIVE, ComponentSpec.of("sdpo"), "sdpo", problems);
        TeacherSchedule teacher = registry.create(ComponentKind.TEACHER, ComponentSpec.of("frozen"), "teacher", problems);
        RewardModel correctness = registry.create(ComponentKind.REWARD, ComponentSpec.of("correctness"), "reward",
                problems);
        problems.throwIfAny("the bench's components (it needs the built-in plugins)");
        RlStepProbe.Components components = new RlStepProbe.Components(List.of(grpo, sdpo), teacher,
                new WeightedReward(List.of(new WeightedReward.Component("correct", 1, correctness))),
                registry.domains("bench.domain", List.of("add")).get(0), Tokenizer.forDomains(registry.domains()));
        return new Benchmark(settings, components, progress).run();
    }
}
