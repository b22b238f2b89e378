package org.cpt4j.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.teachers.Teachers;
import org.junit.jupiter.api.Test;

/** The code of docs/user-guide.md, compiled and checked: keep the two identical. */
class UserGuideTest {

    static ExperimentSpec guideExperiment() {
        // --- user-guide: java ---
        ExperimentSpec spec = Cpt4j.experiment("sdpo-vs-grpo")
                .seed(7)
                .curriculum(c -> c
                        .stage("add", s -> s.steps(100))
                        .stage("reverse", s -> s.steps(100))
                        .stage("count", s -> s.steps(100))
                        .evaluateOn("mod", "add-long", "sort", "copy", "compare"))
                .arm("grpo", a -> a.objective(Objectives.grpo(g -> g.klBeta(0.04))))
                .arm("sdpo-frozen", a -> a.objective(Objectives.sdpo()).teacher(Teachers.frozen()))
                .arm("sdpo-ema", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.05)))
                .build();
        // --- end ---
        return spec;
    }

    @Test
    void theGuidesJavaExperimentIsTheShippedJsonSpecAndResolves() throws Exception {
        ExperimentSpec spec = guideExperiment();
        assertEquals(ExperimentSpecFile.read(Path.of("experiments/sdpo-vs-grpo.json")), spec);
        assertEquals(3, ResolvedExperiment.resolve(spec, PluginRegistry.load()).arms().size());
    }
}
