package org.cpt4j.dsl;

/**
 * The one entry point of the experiment DSL.
 *
 * <pre>{@code
 * ExperimentSpec spec = Cpt4j.experiment("sdpo-vs-grpo")
 *     .seed(7)
 *     .model(m -> m.layers(2).width(64).heads(4).context(96))
 *     .base(b -> b.steps(2000).mix("add", "mod", "reverse", "count"))
 *     .curriculum(c -> c.stage("add", s -> s.steps(150)).stage("reverse", s -> s.steps(150)).evaluateOn("count"))
 *     .arm("grpo", a -> a.objective(Objectives.grpo(g -> g.klBeta(0.04))))
 *     .arm("sdpo", a -> a.objective(Objectives.sdpo(d -> d.alpha(0.5))).teacher(Teachers.ema(0.05)))
 *     .build();
 * }</pre>
 * {@link ExperimentBuilder#build()} checks the whole experiment and reports every problem with its path.
 */
public final class Cpt4j {

    private Cpt4j() {
    }

    /** @return a builder of the experiment named {@code name} (its directory under {@code runs/}) */
    public static ExperimentBuilder experiment(String name) {
        return new ExperimentBuilder(name);
    }
}
