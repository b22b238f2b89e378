package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory written by an earlier cpt4j (commit 30d5c87, 2026-12-01: {@link RunDirectoryTest}'s tiny
 * experiment, killed in arm {@code sdpo} at the second step of stage 2, with its base-model cache) still resumes:
 * the finished arm is read back, the other goes on from its last checkpoint, and what was written before that
 * checkpoint stays as it was. Only the shape of what is trained after the resume is checked: its numbers depend on
 * this machine's arithmetic.
 */
class LegacyRunResumeTest {

    private static final Path LEGACY = Path.of("src/test/resources/legacy/tiny-v1");

    @TempDir
    Path directory;

    @Test
    void aRunDirectoryOfTheFirstFormatResumes() throws IOException {
        copy(LEGACY, directory);
        Path arm = directory.resolve("runs/tiny/sdpo");
        List<String> metricsBefore = Files.readAllLines(arm.resolve("metrics.jsonl"));
        List<String> accuracyBefore = Files.readAllLines(arm.resolve("accuracy.csv"));
        String finishedArm = Files.readString(directory.resolve("runs/tiny/grpo/metrics.jsonl"));

        List<String> heard = new ArrayList<>();
        Cpt4j.run(RunDirectoryTest.tiny(), RunOptions.of(o -> o.runs(directory.resolve("runs"))
                .cache(directory.resolve("cache")).checkpointEvery(2).threads(1)), new RunListener() {
                    @Override
                    public void onPretrainingStep(long step, long total, double loss, double learningRate) {
                        heard.add("pretraining");
                    }

                    @Override
                    public void onStep(String name, int stage, StageSpec spec, long step, StepMetrics metrics) {
                        heard.add("step " + name + " " + stage + "/" + step);
                    }

                    @Override
                    public void onResume(String name, long step, boolean finished) {
                        heard.add("resume " + name + " " + step + " " + finished);
                    }
                });

        assertEquals(List.of("resume grpo 6 true", "resume sdpo 3 false", "step sdpo 1/0", "step sdpo 1/1",
                "step sdpo 1/2"), heard, "the cached base is reused and only the steps after the checkpoint run");
        List<String> metrics = Files.readAllLines(arm.resolve("metrics.jsonl"));
        assertEquals(6, metrics.size(), "one line per step");
        assertEquals(metricsBefore.subList(0, 3), metrics.subList(0, 3), "the steps before the checkpoint are kept");
        List<String> accuracy = Files.readAllLines(arm.resolve("accuracy.csv"));
        assertEquals("# cpt4j-accuracy version 1", accuracy.get(0), "rewritten in the current format");
        accuracy = accuracy.subList(1, accuracy.size());
        assertEquals(accuracyBefore, accuracy.subList(0, accuracyBefore.size()), "earlier rows are kept");
        assertEquals(List.of("row", "base", "after count", "after compare"),
                accuracy.stream().map(line -> line.substring(0, line.indexOf(','))).toList());
        assertEquals(finishedArm, Files.readString(directory.resolve("runs/tiny/grpo/metrics.jsonl")),
                "the finished arm is not touched");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
