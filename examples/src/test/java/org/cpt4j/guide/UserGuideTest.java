package org.cpt4j.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.plugins.collapse.Collapse;
import org.cpt4j.plugins.drift.Drift;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.teachers.Teachers;
import org.cpt4j.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/user-guide.md, compiled and checked: keep the two identical. */
class UserGuideTest {

    static ExperimentSpec guideExperiment() {
        // --- user-guide: java ---
        ExperimentSpec spec = Cpt4j.experiment("sdpo-vs-grpo")
                .seed(7)
                .curriculum(c -> c
                        .stage("add", s -> s.steps(100))
                        .stage("mod", s -> s.steps(100))
                        .stage("count", s -> s.steps(100))
                        .evaluateOn("add-long", "reverse", "sort", "copy", "compare"))
                .arm("grpo", a -> a.objective(Objectives.grpo(g -> g.klBeta(0.04))))
                .arm("sdpo-frozen", a -> a.objective(Objectives.sdpo()).teacher(Teachers.frozen()))
                .arm("sdpo-ema", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.05)))
                .drift(Drift.parameters(), Drift.spectral(), Drift.responses())
                .collapse(Collapse.entropyBelow(0.05), Collapse.formatFailureAbove(0.5), Collapse.nonFinite())
                .evaluation(e -> e.maxNewTokens(32))
                .build();
        // --- end ---
        return spec;
    }

    @Test
    void theGuidesJavaExperimentIsTheShippedJsonSpecAndResolves() throws Exception {
        ExperimentSpec spec = guideExperiment();
        assertEquals(ExperimentSpecFile.read(Path.of("experiments/sdpo-vs-grpo.json")), spec);
        assertEquals(3, Cpt4jEngine.create().resolve(spec).arms().size());
    }

    @Test
    void runningAnExperimentFromCodeGivesEachArmsAccuracyMatrixAndItsFiles(@TempDir Path runs) throws Exception {
        ExperimentSpec spec = Cpt4j.experiment("guide-tiny")
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(10).batchSize(4).mix("count"))
                .curriculum(c -> c.stage("count", s -> s.steps(2)))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(6)))
                .evaluation(e -> e.prompts(4))
                .arm("grpo", a -> a.objective(Objectives.grpo()))
                .build();
        // --- user-guide: run ---
        RunResult result = Cpt4j.run(spec, o -> o.runs(runs).threads(1));
        System.out.println(result.arm("grpo").accuracy().format());
        double before = result.arm("grpo").accuracy().at(0, "count");
        double after = result.arm("grpo").accuracy().at(1, "count");
        // --- end ---
        assertEquals(List.of("base", "after count"), result.arm("grpo").accuracy().rows());
        assertEquals(runs.resolve("guide-tiny"), result.directory());
        List<String> csv = Files.readAllLines(result.directory().resolve("grpo").resolve("accuracy.csv"));
        assertEquals(List.of("# cpt4j-accuracy version 1", "row,count", String.format(Locale.ROOT, "base,%.4f", before),
                String.format(Locale.ROOT, "after count,%.4f", after)), csv,
                "the result is what the run wrote");
        for (double accuracy : new double[] {before, after}) {
            assertEquals(0, accuracy * 4 % 1, 1e-9, "a share of the 4 evaluation prompts, was " + accuracy);
        }
        assertEquals(2, Files.readAllLines(result.directory().resolve("grpo").resolve("metrics.jsonl")).size(),
                "one line per step");
    }

    @Test
    void collapseRulesActOnTheirEvents() {
        ExperimentSpec spec = Cpt4j.experiment("guarded")
                .curriculum(c -> c.stage("add"))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.05)))
                // --- user-guide: collapse actions ---
                .collapse(Collapse.nonFinite(), action -> action.stop())
                .collapse(Collapse.formatFailureAbove(0.5), action -> action
                        .rollback(change -> change.learningRateScale(0.5).teacher(Teachers.frozen())).maxTimes(2))
                // --- end ---
                .build();
        assertEquals(List.of("STOP", "ROLLBACK"), spec.collapse().stream().map(r -> r.action().kind().name()).toList());
        assertEquals(2, spec.collapse().get(1).action().maxTimes());
        assertEquals(List.of("nonFinite", "formatFailureAbove"), Cpt4jEngine.create().resolve(spec).collapse());
    }
}
