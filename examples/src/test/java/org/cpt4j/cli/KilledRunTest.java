package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at random moments and started again each time ends with the files of a run that was never
 * interrupted: each kill loses at most the steps after the last checkpoint, which the next start trains again from
 * it. The run is the {@code cpt4j} command in a child JVM, killed as the operating system kills (no shutdown hook
 * runs); the moments are drawn from a seed ({@code -Dcpt4j.killSeed}), {@code -Dcpt4j.kills} of them (3 by default, which
 * takes about 20 s; the experiment grows with more).
 */
class KilledRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a step's line records of the time it took: the only thing a resumed run may do otherwise. */
    private static final List<String> TIMINGS = List.of("samplingMs", "scoringMs", "trainingMs");
    private static final List<String> ARMS = List.of("grpo", "sdpo");
    /**
     * Two arms (one with an EMA teacher, whose weights a checkpoint also holds) through two stages of as many steps as
     * there are kills, at least three: a kill lets the run advance two steps and a little, so four steps per kill
     * leave the last kill a step to land in.
     */
    private static final String SPEC = """
            {"name": "killed",
             "base": {"model": {"layers": 1, "width": 16, "heads": 2, "context": 48}, "steps": 10, "batchSize": 4,
                      "mix": ["count"]},
             "curriculum": {"stages": [{"domain": "count", "steps": %1$d}, {"domain": "compare", "steps": %1$d}]},
             "training": {"promptsPerStep": 2, "groupSize": 2, "sampling": {"maxNewTokens": 6}},
             "evaluation": {"prompts": 4, "everySteps": 2},
             "drift": [{"id": "parameters"}],
             "collapse": [{"detector": {"id": "entropyBelow", "parameters": {"threshold": 10.0}}}],
             "arms": [{"name": "grpo", "objective": {"id": "grpo"}},
                      {"name": "sdpo", "objective": {"id": "sdpo"}, "teacher": {"id": "ema"}}]}
            """;

    @TempDir
    Path directory;

    @Test
    void aRunKilledAtRandomMomentsAndStartedAgainEndsAsAnUninterruptedOne() throws Exception {
        long seed = Long.getLong("cpt4j.killSeed", 16);
        int kills = Integer.getInteger("cpt4j.kills", 3);
        Path spec = Files.writeString(directory.resolve("killed.json"), SPEC.formatted(Math.max(3, kills)));
        Path cache = directory.resolve("cache");
        CommandLineRun whole = run(spec, directory.resolve("whole"), cache);
        assertEquals(0, whole.exitCode(), whole.err());

        Path killed = directory.resolve("killed");
        Random random = new Random(seed);
        List<String> moments = new ArrayList<>();
        for (int kill = 0; kill < kills; kill++) {
            // after one or two new steps' lines, then a little more, so that kills land inside a step, an evaluation
            // or a write, and the run still has steps left for the next kill
            int newSteps = 1 + random.nextInt(2);
            long delayMillis = random.nextInt(400);
            moments.add(killAfter(spec, killed, cache, newSteps, delayMillis));
        }
        // a kill inside a write leaves its temporary file; one planted here makes sure the check below sees them go
        Files.writeString(killed.resolve("killed/grpo/checkpoints/.step-0000000099.ckpt.4711.tmp"), "half a write");
        CommandLineRun resumed = run(spec, killed, cache);
        String told = "seed " + seed + ", killed " + moments + "\n" + resumed.err();
        assertEquals(0, resumed.exitCode(), told);

        for (String arm : ARMS) {
            Path expected = directory.resolve("whole/killed").resolve(arm);
            Path actual = killed.resolve("killed").resolve(arm);
            assertEquals(withoutTimings(expected.resolve("metrics.jsonl")), withoutTimings(actual.resolve("metrics.jsonl")),
                    arm + " metrics.jsonl; " + told);
            for (String file : List.of("events.jsonl", "drift.jsonl", "samples.jsonl", "evaluations.jsonl",
                    "accuracy.csv", "measures.json")) {
                assertTrue(Files.isRegularFile(expected.resolve(file)), arm + " " + file);
                assertEquals(Files.readString(expected.resolve(file)), Files.readString(actual.resolve(file)),
                        arm + " " + file + "; " + told);
            }
        }
        assertEquals(List.of(), leftovers(killed), "no temporary file of an interrupted write stays; " + told);
    }

    /**
     * Runs {@code spec} in a child JVM and kills it {@code delayMillis} after its arms' {@code metrics.jsonl} have
     * {@code newSteps} more lines than when it started.
     *
     * @return when it was killed
     */
    private static String killAfter(Path spec, Path runs, Path cache, int newSteps, long delayMillis) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            // the in-process run computes with the Vector API; so must the child, to round alike
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Cpt4jCommand.class.getName()));
        command.addAll(arguments(spec, runs, cache));
        Path log = Files.createTempFile(runs.getParent(), "child-", ".log");
        int before = lines(runs);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(runs) < before + newSteps && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(delayMillis);
            assertTrue(child.isAlive(), "the child is still running when it is killed (" + newSteps + " new steps "
                    + "after " + before + ", and " + delayMillis + " ms); its output:\n" + Files.readString(log));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child ends");
        }
        return "after " + before + " + " + newSteps + " steps + " + delayMillis + " ms (" + lines(runs) + " lines)";
    }

    private static CommandLineRun run(Path spec, Path runs, Path cache) {
        return CommandLineRun.of(arguments(spec, runs, cache).toArray(String[]::new));
    }

    private static List<String> arguments(Path spec, Path runs, Path cache) {
        return List.of("run", spec.toString(), "--runs", runs.toString(), "--cache", cache.toString(),
                "--checkpoint-every", "1", "--threads", "1", "--quiet");
    }

    /** @return the step lines both arms' {@code metrics.jsonl} hold now */
    private static int lines(Path runs) throws IOException {
        int lines = 0;
        for (String arm : ARMS) {
            Path metrics = runs.resolve("killed").resolve(arm).resolve("metrics.jsonl");
            if (Files.exists(metrics)) {
                lines += (int) Files.readString(metrics).chars().filter(c -> c == '\n').count();
            }
        }
        return lines;
    }

    private static List<JsonNode> withoutTimings(Path metrics) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            ObjectNode step = (ObjectNode) JSON.readTree(line);
            step.remove(TIMINGS);
            lines.add(step);
        }
        return lines;
    }

    /** @return the temporary files under the run directory: what a write killed before its rename leaves */
    private static List<String> leftovers(Path runs) throws IOException {
        try (Stream<Path> walk = Files.walk(runs)) {
            return walk.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".tmp"))
                    .map(file -> runs.relativize(file).toString()).toList();
        }
    }
}
