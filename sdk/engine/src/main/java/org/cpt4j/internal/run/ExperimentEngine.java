package org.cpt4j.internal.run;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import java.util.List;
import java.util.ServiceLoader;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.run.RunOptions;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problems;
import org.cpt4j.text.Tokenizer;

/**
 * One experiment's engine, wired by one Guice injector: every plugin's components (one map per kind, each under its
 * plugin's name, see {@link PluginRegistry#module}), the engine's services ({@link EngineServices}, any of them
 * replaced by the caller's overrides) and the experiment's bindings (the spec, the registry read from the same
 * injector, the resolved experiment, the tokenizer of every registered domain, the runner). Creating it resolves the spec, so a wrong spec fails here with every problem listed.
 */
public final class ExperimentEngine {

    private final Injector injector;

    private ExperimentEngine(Injector injector) {
        this.injector = injector;
    }

    /**
     * @param settings where base models are cached and runs are written, and the checkpoint period
     * @return the engine of {@code spec} with the plugins {@link ServiceLoader} finds
     * @throws InvalidSpecException listing every unknown id and invalid parameter with its path
     */
    public static ExperimentEngine create(ExperimentSpec spec, RunOptions settings) {
        List<Cpt4jPlugin> plugins = ServiceLoader.load(Cpt4jPlugin.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        return create(spec, settings, plugins);
    }

    /**
     * @return the engine of {@code spec} with {@code plugins}
     * @throws InvalidSpecException listing every unknown id and invalid parameter with its path
     * @throws IllegalStateException when two plugins declare one id of one kind, naming both
     */
    public static ExperimentEngine create(ExperimentSpec spec, RunOptions settings, List<Cpt4jPlugin> plugins) {
        return create(spec, settings, plugins, Modules.EMPTY_MODULE);
    }

    /**
     * @param overrides bindings that replace the engine's services ({@link EngineServices}), applied with
     *     {@link Modules#override}
     * @return the engine of {@code spec} with {@code plugins}
     * @throws InvalidSpecException listing every unknown id and invalid parameter with its path
     * @throws IllegalStateException when two plugins declare one id of one kind, naming both
     */
    public static ExperimentEngine create(ExperimentSpec spec, RunOptions settings, List<Cpt4jPlugin> plugins,
                                          Module overrides) {
        ExperimentEngine engine;
        try {
            engine = new ExperimentEngine(Guice.createInjector(
                    Modules.override(new EngineServices(settings)).with(overrides), new ExperimentModule(spec),
                    PluginRegistry.module(plugins)));
        } catch (CreationException e) {
            throw PluginRegistry.duplicates(e, plugins);
        }
        try {
            engine.injector.getInstance(ResolvedExperiment.class);
        } catch (ProvisionException e) {
            // an invalid spec: the engine's own error, not Guice's
            if (e.getCause() instanceof InvalidSpecException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
        Problems problems = new Problems("");
        MemoryEstimate.check(spec, engine.injector.getInstance(Tokenizer.class).vocabularySize(), MemoryEstimate.limit(),
                problems);
        problems.throwIfAny("experiment '" + spec.name() + "'");
        return engine;
    }

    /** @return the spec with every component created */
    public ResolvedExperiment resolved() {
        return injector.getInstance(ResolvedExperiment.class);
    }

    /** @return the registry of this experiment's plugins */
    public PluginRegistry registry() {
        return injector.getInstance(PluginRegistry.class);
    }

    /** @return the runner of this experiment */
    public ExperimentRunner runner() {
        return injector.getInstance(ExperimentRunner.class);
    }

    /** The experiment's own bindings: its spec, the registry, the resolved experiment, the tokenizer. */
    private static final class ExperimentModule extends AbstractModule {
        private final ExperimentSpec spec;

        ExperimentModule(ExperimentSpec spec) {
            this.spec = spec;
        }

        @Override
        protected void configure() {
            bind(ExperimentSpec.class).toInstance(spec);
        }

        @Provides
        @Singleton
        PluginRegistry registry(Injector injector) {
            return PluginRegistry.from(injector);
        }

        @Provides
        @Singleton
        ResolvedExperiment resolved(PluginRegistry registry) {
            return ResolvedExperiment.resolve(spec, registry);
        }

        @Provides
        @Singleton
        Tokenizer tokenizer(PluginRegistry registry) {
            return Tokenizer.forDomains(registry.domains());
        }
    }
}
