package org.cpt4j.cli;

import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.plugins.collapse.Collapse;
import org.cpt4j.plugins.drift.Drift;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.teachers.Teachers;

/**
 * {@code cpt4j run quickstart}: GRPO against SDPO with a frozen teacher, from the default base model, through two
 * of the domains it was pretrained on, evaluated every {@value #EVALUATE_EVERY} steps so that the report has
 * accuracy curves; a couple of minutes on 2 cores once the base is cached.
 */
final class Quickstart {

    static final String NAME = "quickstart";
    private static final int STEPS_PER_STAGE = 60;
    /** Steps between the evaluations inside each stage. */
    static final int EVALUATE_EVERY = 20;

    private Quickstart() {
    }

    /** @return the quickstart's experiment */
    static ExperimentSpec spec() {
        return Cpt4j.experiment(NAME)
                .seed(7)
                .curriculum(c -> c
                        .stage("add", s -> s.steps(STEPS_PER_STAGE))
                        .stage("mod", s -> s.steps(STEPS_PER_STAGE))
                        .evaluateOn("count", "add-long"))
                .arm("grpo", a -> a.objective(Objectives.grpo(g -> g.klBeta(0.04))))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(Teachers.frozen()))
                .drift(Drift.parameters(), Drift.spectral(), Drift.responses())
                .collapse(Collapse.entropyBelow(0.05), Collapse.formatFailureAbove(0.5), Collapse.nonFinite())
                .evaluation(e -> e.everySteps(EVALUATE_EVERY).maxNewTokens(32))
                .build();
    }
}
