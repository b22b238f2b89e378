package org.cpt4j.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.cpt4j.experiment.CurriculumSpec;
import org.cpt4j.experiment.StageSpec;

/** Builds the curriculum: stages in order, and extra domains evaluated after each stage. */
public final class CurriculumBuilder {

    private final List<StageSpec> stages = new ArrayList<>();
    private final List<String> evaluateOn = new ArrayList<>();

    CurriculumBuilder() {
    }

    /** Appends a stage on {@code domain} (default 100 steps). */
    public CurriculumBuilder stage(String domain, Consumer<StageBuilder> configure) {
        StageBuilder stage = new StageBuilder();
        configure.accept(stage);
        stages.add(new StageSpec(domain, stage.steps));
        return this;
    }

    /** Appends a stage on {@code domain} with the default step count. */
    public CurriculumBuilder stage(String domain) {
        return stage(domain, s -> { });
    }

    /** Adds domains evaluated after every stage besides the curriculum's own (held-out, out-of-domain). */
    public CurriculumBuilder evaluateOn(String... domains) {
        evaluateOn.addAll(Arrays.asList(domains));
        return this;
    }

    CurriculumSpec build() {
        return new CurriculumSpec(stages, evaluateOn);
    }

    /** One stage's settings. */
    public static final class StageBuilder {
        private int steps = StageSpec.DEFAULT_STEPS;

        StageBuilder() {
        }

        /** On-policy steps on the stage's domain. */
        public StageBuilder steps(int value) {
            steps = value;
            return this;
        }
    }
}
