package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.ArmChange;
import org.cpt4j.experiment.CollapseAction;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.store.GoldenFiles;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ContinualMeasures;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.LearningSpeed;
import org.cpt4j.run.PluginFailure;
import org.cpt4j.run.StepMetrics;
import java.util.Optional;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.objective.Rollouts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file an arm writes, from values made by hand, against its golden file in
 * {@code src/test/resources/golden/run-files/}, and read back; each begins with its format and version.
 */
class RunFilesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/run-files");
    private static final StepMetrics STEP = new StepMetrics(0, 0.75, 0.25, Map.of("correct", 0.75), 0.75, 1.0, -0.125,
            Map.of("clip_fraction", 0.0625, "teacher_context_fraction", 0.5), 1.5, 0.01, 2.5, 0, 6.0, 0.125, 0.0,
            10.0, 5.0, 20.0);
    private static final CollapseEvent COLLAPSE = new CollapseEvent("entropyBelow", 3,
            "entropy 0.010 < 0.050 for 3 steps", CollapseEvent.Severity.WARNING);
    private static final AccuracyMatrix MATRIX = new AccuracyMatrix("sdpo", List.of("add", "mod"),
            List.of("base", "after add", "after mod"), new double[][] {{0.25, 0.5}, {0.75, 0.25}, {0.5, 0.75}});
    private static final List<EvaluationPoint> EVALUATIONS = List.of(
            new EvaluationPoint(EvaluationPoint.Kind.BASE, 0, 0, 0, 0, Map.of("add", 0.25, "mod", 0.5)),
            new EvaluationPoint(EvaluationPoint.Kind.IN_STAGE, 0, 2, 2, 0, Map.of("add", 0.5, "mod", 0.5)),
            new EvaluationPoint(EvaluationPoint.Kind.STAGE_END, 0, 4, 4, 1, Map.of("add", 0.75, "mod", 0.25),
                    Map.of("add", 1.0, "mod", 0.5)));

    @TempDir
    Path directory;

    private ArmDirectory files;

    @BeforeEach
    void writeAnArmsFilesByHand() throws IOException {
        files = new ArmDirectory(directory.resolve("sdpo"), "golden/sdpo");
        files.appendMetrics(0, "add", 0, STEP);
        files.appendCollapse(0, 0, COLLAPSE);
        files.appendCollapseAction(0, 0, COLLAPSE, CollapseAction.Kind.ROLLBACK, 2,
                new ArmChange(0.5, ComponentSpec.of("frozen")));
        files.appendPluginFailure(1, new PluginFailure("cpt4j built-in plugins", "0.1.0", "drift", "spectral", "sdpo",
                0, 3, "java.lang.IllegalStateException: out of cheese", false));
        files.appendDrift(0, 4, 1, "parameters", Map.of("relative_norm", 0.25, "changed_fraction", 1.0));
        for (EvaluationPoint point : EVALUATIONS) {
            files.appendEvaluation(point);
        }
        files.appendSample(0, 3, 1, new Rollouts.Rollout(0, new Task("add", "2+3=", "5", "2+3=5", "2+3=5"),
                "<answer>5</answer>", new Verdict(true, true, "correct"), 1.0, 4), Optional.of("2+3=5"));
        files.writeAccuracy(MATRIX);
        files.writeMeasures(ContinualMeasures.of(MATRIX, List.of("add", "mod")),
                LearningSpeed.of(MATRIX, List.of("add", "mod"), EVALUATIONS));
    }

    @Test
    void eachFileIsItsGoldenFile() throws IOException {
        for (Path file : List.of(files.metrics(), files.events(), files.drift(), files.evaluations(), files.samples(),
                files.accuracy(), files.measures())) {
            GoldenFiles.assertSameBytes(GOLDEN.resolve(file.getFileName()), file);
        }
    }

    @Test
    void eachFileBeginsWithItsFormatAndVersion() throws IOException {
        Map<Path, FileFormat> formats = Map.of(files.metrics(), FileFormat.METRICS, files.events(), FileFormat.EVENTS,
                files.drift(), FileFormat.DRIFT, files.evaluations(), FileFormat.EVALUATIONS, files.samples(),
                FileFormat.SAMPLES);
        for (Map.Entry<Path, FileFormat> entry : formats.entrySet()) {
            for (String line : Files.readAllLines(entry.getKey())) {
                assertTrue(line.startsWith("{\"format\":\"" + entry.getValue().formatName() + "\",\"version\":"
                        + entry.getValue().version() + ","),
                        line);
            }
        }
        assertEquals("# cpt4j-accuracy version 1", Files.readAllLines(files.accuracy()).get(0));
        assertTrue(Files.readString(files.measures()).startsWith("{\n  \"format\" : \"cpt4j-measures\",\n  \"version\" : 2,"),
                Files.readString(files.measures()));
    }

    @Test
    void theGoldenFilesReadBackAsTheirValues() throws IOException {
        Path copy = directory.resolve("golden-copy");
        Files.createDirectories(copy);
        for (String name : List.of("metrics.jsonl", "events.jsonl", "evaluations.jsonl")) {
            Files.copy(GOLDEN.resolve(name), copy.resolve(name));
        }
        ArmDirectory golden = new ArmDirectory(copy, "golden/sdpo");
        ArmDirectory.Progress second = new ArmDirectory.Progress(1, 0, 4, List.of(), 1, List.of(2L), List.of(1), null,
                null);
        assertEquals(List.of(STEP), golden.recordedMetrics(second));
        assertEquals(List.of(COLLAPSE), golden.recordedCollapse());
        assertEquals(Set.of("drift/spectral"), golden.recordedPluginFailures());
        // the first attempt's evaluation at step 2 is on the lineage (the rollback went back to step 2)
        assertEquals(EVALUATIONS, golden.recordedEvaluations(second));
    }

    /** A diverged step's loss is written as null and named, not as the string "NaN", and reads back as NaN. */
    @Test
    void aValueThatIsNotFiniteIsNoStringInTheFileAndReadsBackTheSame() throws IOException {
        Path root = directory.resolve("diverged");
        ArmDirectory diverged = new ArmDirectory(root, "golden/diverged");
        StepMetrics nan = new StepMetrics(0, 0.5, 0.1, Map.of("correct", 0.5), 0.5, 1.0, Double.NaN,
                Map.of("clip_fraction", Double.POSITIVE_INFINITY), 1.5, 0.01, Double.NaN, 1, 6.0, 0.125, 0.0,
                10.0, 5.0, 20.0);
        diverged.appendMetrics(0, "add", 0, nan);
        String line = Files.readString(diverged.metrics());
        assertTrue(line.contains("\"loss\":null") && line.contains("\"gradientNorm\":null")
                && !line.substring(0, line.indexOf("\"nonFinite\"")).contains("NaN")
                && line.contains("\"nonFinite\":{\"loss\":\"NaN\",\"diagnostics.clip_fraction\":\"Infinity\""), line);
        assertEquals(List.of(nan), diverged.recordedMetrics(ArmDirectory.Progress.first(1, 0, 1, List.of())));
    }

    @Test
    void aLogOfANewerVersionIsRefusedNamingTheFile() throws IOException {
        Files.writeString(files.metrics(), Files.readString(files.metrics()).replace("\"version\":2", "\"version\":3"));
        IOException error = assertThrows(IOException.class, () -> files.recordedMetrics(
                ArmDirectory.Progress.first(1, 0, 1, List.of())));
        assertTrue(error.getMessage().contains("metrics.jsonl is cpt4j-metrics version 3; this cpt4j reads versions 1 "
                + "to 2 (it was written by a newer cpt4j: run it with that one)"), error.getMessage());
    }
}
