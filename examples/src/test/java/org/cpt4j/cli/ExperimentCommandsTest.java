package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cpt4j.dsl.Cpt4j;
import java.util.List;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.plugins.collapse.Collapse;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.teachers.Teachers;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.pretrain.PretrainSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cpt4j validate}, {@code cpt4j plugins} and {@code cpt4j run spec.json} on a tiny experiment; a third-party
 * plugin given to them as a jar: {@link PluginJarsTest} and {@link ExamplePluginJarTest}.
 */
class ExperimentCommandsTest {

    @TempDir
    Path directory;

    private Path tinySpec() throws Exception {
        ExperimentSpec spec = Cpt4j.experiment("tiny")
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(10).batchSize(4).mix("count"))
                .curriculum(c -> c.stage("count", s -> s.steps(2)).stage("compare", s -> s.steps(2)).evaluateOn("copy"))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(8)))
                .evaluation(e -> e.prompts(5))
                .arm("grpo", a -> a.objective(Objectives.grpo(g -> g.clipHigh(0.28))))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.05)))
                .collapse(Collapse.entropyBelow(10.0), Collapse.nonFinite())
                .build();
        Path file = directory.resolve("tiny.json");
        ExperimentSpecFile.write(file, spec);
        return file;
    }

    @Test
    void validateAcceptsAGoodSpecAndListsEveryProblemOfABadOne() throws Exception {
        Path good = tinySpec();
        CommandLineRun ok = CommandLineRun.of("validate", good.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("valid. Experiment 'tiny': 2 arm(s) [grpo (grpo), sdpo (sdpo)]"), ok.out());

        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, Files.readString(good).replace("\"domain\" : \"compare\"", "\"domain\" : \"comprae\"")
                .replace("\"alpha\" : 0.5", "\"alpha\" : 1.5").replace("\"rate\" : 0.05", "\"rte\" : 0.05"));
        CommandLineRun failed = CommandLineRun.of("validate", bad.toString());
        assertEquals(2, failed.exitCode());
        String message = failed.err();
        assertTrue(message.contains("curriculum.stages[1].domain: unknown domain 'comprae'; did you mean 'compare'?"), message);
        assertTrue(message.contains("arms[1].objective.alpha: must be within [0, 1], was 1.5"), message);
        assertTrue(message.contains("arms[1].teacher.rte: is not a parameter of 'ema'; did you mean 'rate'? Its parameters are [rate]"), message);
    }

    @Test
    void theExampleSpecShippedWithCpt4jIsValid() {
        CommandLineRun result = CommandLineRun.of("validate", "experiments/sdpo-vs-grpo.json");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("domains named: [add, mod, count, add-long, reverse, sort, copy, compare]"),
                result.out());
    }

    @Test
    void pluginsListsEveryComponentWithItsParametersAndSource() {
        CommandLineRun result = CommandLineRun.of("plugins");
        assertEquals(0, result.exitCode(), result.err());
        for (String id : new String[] {"grpo", "sdpo", "ema", "anchored", "lengthPenalty", "add-long"}) {
            assertTrue(result.out().contains("  " + id + " "), id + " in " + result.out());
        }
        assertTrue(result.out().contains("{anchorWeight=0.4}"), result.out());
        // the built-in plugins' version: their jar's in a packaged build, unknown from the module's classes
        assertTrue(result.out().matches("(?s).*cpt4j-builtins (\\d+\\.\\d+\\.\\d+\\S*|unknown) \\(.*"), result.out());
    }

    @Test
    void runTakesEveryArmThroughTheCurriculumAndPrintsItsAccuracyMatrix() throws Exception {
        Path runs = directory.resolve("runs");
        CommandLineRun result = CommandLineRun.of("run", tinySpec().toString(), "--cache",
                directory.resolve("cache").toString(), "--runs", runs.toString(), "--threads", "1", "--logger", "csv");
        assertEquals(0, result.exitCode(), result.err());
        String baseCount = Files.readAllLines(runs.resolve("tiny").resolve("scalars.csv")).stream()
                .filter(row -> row.startsWith("grpo,0,eval/count,")).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(Files.readAllLines(runs.resolve("tiny/grpo/accuracy.csv")).get(2).split(",")[1]),
                Double.parseDouble(baseCount.substring(baseCount.lastIndexOf(',') + 1)), 1e-9,
                "--logger csv writes the scalars, the base's accuracy among them");
        assertTrue(result.err().contains("run directory " + runs.resolve("tiny")), result.err());
        for (String file : new String[] {"spec.json", "grpo/metrics.jsonl", "sdpo/accuracy.csv", "sdpo/events.jsonl"}) {
            assertTrue(Files.isRegularFile(runs.resolve("tiny").resolve(file)), file);
        }
        assertTrue(result.err().contains("sdpo (arm 2/2) stage 2/2 compare: step 2/2, reward "), result.err());
        assertTrue(result.err().contains("sdpo after stage 2 (compare): count "), result.err());
        assertTrue(result.out().contains("collapse events (1):\n  step 2 entropyBelow [WARNING]: entropy "), result.out());
        for (String arm : new String[] {"grpo", "sdpo"}) {
            assertTrue(result.out().matches("(?s).*arm " + arm + "\\s+count\\s+compare\\s+copy\\n"
                    + "base(\\s+[0-9.]+%){3}\\nafter count(\\s+[0-9.]+%){3}\\nafter compare(\\s+[0-9.]+%){3}\\n.*"),
                    result.out());
        }
        CommandLineRun again = CommandLineRun.of("run", tinySpec().toString(), "--cache",
                directory.resolve("cache").toString(), "--runs", runs.toString(), "--threads", "1");
        for (String arm : new String[] {"grpo", "sdpo"}) {
            assertTrue(again.err().contains(arm + ": already finished; read from its checkpoint after 4 steps"),
                    again.err());
        }
        assertTrue(!again.err().contains(": step "), "no step is trained again: " + again.err());
        assertEquals(result.out(), again.out(), "a finished run prints the same tables without training");

        Path report = runs.resolve("tiny").resolve("report.html");
        assertTrue(result.out().endsWith("report: " + report + "\n"), result.out());
        Files.delete(report);
        CommandLineRun written = CommandLineRun.of("report", runs.resolve("tiny").toString());
        assertEquals(0, written.exitCode(), written.err());
        assertEquals("report: " + report + "\n", written.out(), "a complete run's report, with nothing missing");
        assertTrue(Files.readString(report).contains("Complete: every arm ran to its end."));
    }

    /** A collapse rule's stop ends its arm; the run goes on, and its exit status says an arm stopped early. */
    @Test
    void aRunWithAnArmStoppedEarlyExitsThree() throws Exception {
        Path spec = directory.resolve("stopped.json");
        Files.writeString(spec, """
                {"name": "stopped",
                 "base": {"model": {"layers": 1, "width": 16, "heads": 2, "context": 48}, "steps": 10, "batchSize": 4,
                          "mix": ["count"]},
                 "curriculum": {"stages": [{"domain": "count", "steps": 4}]},
                 "training": {"promptsPerStep": 2, "groupSize": 2, "sampling": {"maxNewTokens": 6}},
                 "evaluation": {"prompts": 4},
                 "collapse": [{"detector": {"id": "entropyBelow", "parameters": {"threshold": 10.0}},
                               "action": {"kind": "STOP"}}],
                 "arms": [{"name": "grpo", "objective": {"id": "grpo"}}]}
                """);
        CommandLineRun result = CommandLineRun.of("run", spec.toString(), "--quiet", "--threads", "1", "--runs",
                directory.resolve("runs").toString(), "--cache", directory.resolve("cache").toString());
        assertEquals(ExitCode.STOPPED, result.exitCode(), result.err());
        assertTrue(result.out().contains("stopped early: grpo (entropyBelow at step 2); exit status 3"), result.out());
    }

    @Test
    void reportNamesADirectoryThatHoldsNoRun() {
        CommandLineRun result = CommandLineRun.of("report", directory.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains(directory + " is not an experiment's run directory: it has no spec.json"),
                result.err());
        assertTrue(!result.err().contains("\tat "), "no stack trace: " + result.err());
    }

    @Test
    void theQuickstartComparesGrpoWithSdpoAndAFrozenTeacherOnTwoDomainsWithCurves() {
        ExperimentSpec spec = Quickstart.spec();
        assertEquals(List.of("grpo", "sdpo"), spec.arms().stream().map(ArmSpec::name).toList());
        assertEquals("frozen", spec.arms().get(1).teacher().id());
        assertEquals(List.of("add", "mod"), spec.curriculum().stageDomains());
        assertTrue(spec.evaluation().everySteps() > 0 && spec.curriculum().stages().get(0).steps()
                % spec.evaluation().everySteps() == 0, "evaluations inside each stage, for the report's curves");
        assertEquals(PretrainSpec.of(p -> { }), spec.base(), "the default base model, cached by pretrain");
        assertEquals(2, Cpt4jEngine.create().resolve(spec).arms().size());
    }
}
