package org.cpt4j.dsl;

import java.util.List;
import java.util.function.Consumer;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.RunResult;
import org.cpt4j.sweep.GridAxis;
import org.cpt4j.sweep.SweepListener;
import org.cpt4j.sweep.SweepOptions;
import org.cpt4j.sweep.SweepResult;
import org.cpt4j.sweep.SweepSpec;

/**
 * The one entry point of the experiment DSL.
 *
 * <pre>{@code
 * ExperimentSpec spec = Cpt4j.experiment("sdpo-vs-grpo")
 *     .seed(7)
 *     .model(m -> m.layers(2).width(64).heads(4).context(96))
 *     .base(b -> b.steps(2000).mix("add", "mod", "count"))
 *     .curriculum(c -> c.stage("add", s -> s.steps(150)).stage("mod", s -> s.steps(150)).evaluateOn("count"))
 *     .arm("grpo", a -> a.objective(Objectives.grpo(g -> g.klBeta(0.04))))
 *     .arm("sdpo", a -> a.objective(Objectives.sdpo(d -> d.alpha(0.5))).teacher(Teachers.ema(0.05)))
 *     .build();
 *
 * RunResult result = Cpt4j.run(spec, o -> o.runs(Path.of("runs")));
 * System.out.println(result.arm("sdpo").accuracy().format());
 * }</pre>
 * {@link ExperimentBuilder#build()} checks the whole experiment and reports every problem with its path;
 * {@link #run} checks every component against the plugins on the class path before anything runs.
 */
public final class Cpt4j {

    private Cpt4j() {
    }

    /** @return a builder of the experiment named {@code name} (its directory under {@code runs/}) */
    public static ExperimentBuilder experiment(String name) {
        return new ExperimentBuilder(name);
    }

    /**
     * Runs {@code spec} (or resumes an earlier run of it) with the defaults that {@code options} changes, quietly.
     *
     * @return each arm's accuracy matrix and collapse events; the files are under {@link RunResult#directory()}
     * @see Cpt4jEngine#run
     */
    public static RunResult run(ExperimentSpec spec, Consumer<RunOptions.Builder> options) {
        return Cpt4jEngine.create().run(spec, RunOptions.of(options), RunListener.SILENT);
    }

    /**
     * Runs {@code spec} (or resumes an earlier run of it), telling {@code listener} about progress.
     *
     * @return each arm's accuracy matrix and collapse events; the files are under {@link RunResult#directory()}
     * @see Cpt4jEngine#run
     */
    public static RunResult run(ExperimentSpec spec, RunOptions options, RunListener listener) {
        return Cpt4jEngine.create().run(spec, options, listener);
    }

    /**
     * Sweeps {@code spec} over {@code seeds} seeds (its own and the ones after it) and the grid {@code axes}, filling
     * the cores, quietly.
     *
     * @return each arm's measures over the seeds at each grid point; {@code sweep.json} is under {@code options}' runs
     * @see Cpt4jEngine#sweep
     */
    public static SweepResult sweep(ExperimentSpec spec, int seeds, List<GridAxis> axes,
                                    Consumer<RunOptions.Builder> options) {
        return Cpt4jEngine.create().sweep(SweepSpec.of(spec, seeds, axes),
                SweepOptions.fillingTheCores(RunOptions.of(options)), SweepListener.SILENT);
    }
}
