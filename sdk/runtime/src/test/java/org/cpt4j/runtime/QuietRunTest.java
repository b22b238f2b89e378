package org.cpt4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cpt4j-runtime as a user's program sees it: an experiment run from {@code main} in a JVM of its own, on this
 * module's class path (cpt4j-runtime and what it brings). Without its logging default, that run wrote ND4J's
 * start-up report and two ND4J warnings to the console (15 lines, 2 of them warnings).
 */
class QuietRunTest {

    @TempDir
    Path directory;

    @Test
    void anExperimentRunFromMainPrintsItsResultAndOnlyCpt4jsOwnWarnings() throws IOException, InterruptedException {
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        // no --add-modules jdk.incubator.vector: cpt4j then warns once that it samples through ND4J, a warning
        // that must still reach the user
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), TinyExperiment.class.getName(),
                directory.resolve("runs").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        List<String> console = Files.readAllLines(err);
        assertEquals(0, process.exitValue(), String.join("\n", console));
        assertTrue(Files.readString(out).startsWith("arm grpo             count\nbase "), Files.readString(out));
        assertEquals(List.of(), console.stream().filter(line -> !line.startsWith("[main] WARN org.cpt4j.")).toList(),
                "nothing but cpt4j's warnings on the console");
        assertTrue(console.stream().anyMatch(line -> line.contains("no Vector API")), String.join("\n", console));
    }
}
