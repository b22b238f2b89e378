package org.cpt4j.engine;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.cpt4j.bench.BenchReport;
import org.cpt4j.bench.BenchSettings;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugin.RegisteredComponent;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.RunReport;
import org.cpt4j.run.RunResult;
import org.cpt4j.sweep.SweepListener;
import org.cpt4j.sweep.SweepOptions;
import org.cpt4j.sweep.SweepResult;
import org.cpt4j.sweep.SweepSpec;
import org.jspecify.annotations.Nullable;

/**
 * The engine, behind one face: everything the command line, the DSL and user code do goes through here. An engine
 * holds the plugins it was built with (by default every {@link Cpt4jPlugin} that {@link ServiceLoader} finds) and
 * is otherwise stateless: what a run computes is in its spec, and what it writes is under its {@link RunOptions}.
 *
 * <p>The engine itself is found on the class path ({@code cpt4j-engine}, through {@link EngineFactory}); this
 * interface and the values it speaks in are the API.
 */
public interface Cpt4jEngine {

    /** @return the engine with the plugins on the class path */
    static Cpt4jEngine create() {
        return builder().build();
    }

    /** @return a builder of an engine with chosen plugins */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Resolves every component {@code spec} names against the plugins, without running anything.
     *
     * @return the spec with a summary of its arms and domains
     * @throws org.cpt4j.spec.InvalidSpecException listing every unknown id and invalid parameter with its path
     */
    ResolvedSpec resolve(ExperimentSpec spec);

    /**
     * Obtains the base model of {@code spec}: from the cache under {@link RunOptions#cache()} when it is there,
     * else trained now (resuming a killed pretraining from its last checkpoint), telling {@code listener} about each
     * step.
     *
     * @throws org.cpt4j.spec.InvalidSpecException when the mix names an unknown domain
     * @throws java.io.UncheckedIOException when the cache cannot be read or written, naming the file
     */
    BaseModel pretrain(PretrainSpec spec, RunOptions options, RunListener listener);

    /**
     * Evaluates the base model of {@code spec} (obtained as by {@link #pretrain}) on every registered domain, as the
     * student and as its own teacher, and writes {@code evaluation.json} beside it.
     */
    Evaluation evaluateBase(PretrainSpec spec, EvaluationSpec evaluation, RunOptions options, RunListener listener);

    /**
     * Runs {@code spec}, or resumes it where an earlier run of the same spec stopped.
     *
     * @throws org.cpt4j.spec.InvalidSpecException before anything runs, listing every problem of the spec
     * @throws org.cpt4j.spec.InvalidInputException when the run directory holds a different spec of the same name, or
     *     a file there that this cpt4j cannot read (another format, a newer version), naming it
     * @throws org.cpt4j.run.PluginFailureException when a component the run cannot go on without failed
     * @throws java.io.UncheckedIOException when a file cannot be read or written, naming it
     */
    RunResult run(ExperimentSpec spec, RunOptions options, RunListener listener);

    /**
     * Writes {@code report.html} into an experiment's run directory from the files there: a finished run's, or one
     * that is still going or was killed (the report says what is missing). A run writes its report itself after each
     * arm; this writes it again, for instance after the run was stopped.
     *
     * @param experimentDirectory {@code <runs>/<experiment>/}, holding the {@code spec.json} the run wrote
     * @throws java.io.UncheckedIOException naming the file when the directory holds no run or a file cannot be read
     */
    RunReport report(Path experimentDirectory);

    /**
     * Writes one report over several seeds of one experiment: each curve the mean over the seeds with a band from the
     * lowest to the highest, the measures as mean ± standard deviation.
     *
     * @param seeds the experiment's run directories, one per seed; their specs must be equal but for the name and the
     *     seeds
     * @param file where the report goes
     * @throws java.io.UncheckedIOException naming the directory that holds no run, a file that cannot be read, or a
     *     spec that differs from the first's beyond its seeds
     */
    RunReport report(List<Path> seeds, Path file);

    /**
     * Runs every task of {@code sweep} (each arm at each grid point under each seed, in its own runs directory under
     * {@code options.run().runs()}, resuming where an earlier sweep stopped), {@link SweepOptions#parallel()} at a
     * time in this JVM, then writes {@code sweep.json} (every measure over the seeds) and a report over the seeds of
     * each arm and grid point. A task that fails does not stop the others; the result names it.
     *
     * @throws org.cpt4j.spec.InvalidSpecException before anything runs, when a task's spec is invalid (a grid value
     *     that does not fit its path, say), naming it
     * @throws java.io.UncheckedIOException when {@code sweep.json} cannot be written
     */
    SweepResult sweep(SweepSpec sweep, SweepOptions options, SweepListener listener);

    /** @return every component the engine's plugins register, by kind and then id */
    List<RegisteredComponent> components();

    /** Measures this machine's speed at the engine's hot paths; {@code progress} hears a line per measurement. */
    BenchReport bench(BenchSettings settings, Consumer<String> progress);

    /** Builds a {@link Cpt4jEngine}. */
    final class Builder {
        private @Nullable List<Cpt4jPlugin> plugins;
        private final List<Module> overrides = new ArrayList<>();

        private Builder() {
        }

        /** Uses exactly {@code value} instead of the plugins {@link ServiceLoader} finds. */
        public Builder plugins(List<Cpt4jPlugin> value) {
            plugins = List.copyOf(value);
            return this;
        }

        /**
         * Replaces engine services with the bindings of {@code module}, as Guice's {@code Modules.override} does: the
         * sampler and scorer kernels, the evaluator, the base-model store, and phases added to the arm loop. The
         * services and their default bindings are listed in {@code docs/architecture.md} ("Engine services"); they
         * are the engine's types, not this API's, and may change between versions. Plugins, which register
         * components, need none of this.
         */
        public Builder override(Module module) {
            overrides.add(module);
            return this;
        }

        /**
         * @return the engine
         * @throws IllegalStateException when no engine is on the class path (add {@code org.cpt4j:cpt4j-engine}), or
         *     when two plugins register one id of one kind, naming both
         */
        public Cpt4jEngine build() {
            List<Cpt4jPlugin> chosen = plugins != null ? plugins
                    : ServiceLoader.load(Cpt4jPlugin.class).stream().map(ServiceLoader.Provider::get).toList();
            EngineFactory factory = ServiceLoader.load(EngineFactory.class).findFirst().orElseThrow(
                    () -> new IllegalStateException("no cpt4j engine on the class path: add org.cpt4j:cpt4j-engine"));
            return factory.create(chosen, Modules.combine(overrides));
        }
    }
}
