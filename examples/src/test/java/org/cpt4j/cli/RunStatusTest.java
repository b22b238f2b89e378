package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code cpt4j run} exits with when a run finishes with an arm stopped early. */
class RunStatusTest {

    @TempDir
    Path directory;

    @Test
    void aRunWhoseArmDivergedSaysSoAndExitsThree() throws IOException {
        Path spec = directory.resolve("diverging.json");
        Files.writeString(spec, """
                {"name": "diverging",
                 "base": {"model": {"layers": 1, "width": 16, "heads": 2, "context": 48}, "steps": 10, "batchSize": 4,
                          "mix": ["count"]},
                 "curriculum": {"stages": [{"domain": "count", "steps": 30}]},
                 "training": {"promptsPerStep": 2, "groupSize": 2, "sampling": {"maxNewTokens": 6},
                              "optimizer": {"learningRate": 1e30, "maxGradNorm": 0}},
                 "evaluation": {"prompts": 4, "maxNewTokens": 8},
                 "arms": [{"name": "grpo", "objective": {"id": "grpo"}}]}
                """);
        CommandLineRun run = CommandLineRun.of("run", spec.toString(), "--quiet", "--runs",
                directory.resolve("runs").toString(), "--cache", directory.resolve("cache").toString());
        assertEquals(ExitCode.STOPPED, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*\\nstopped early: grpo \\(diverged at step \\d+\\); exit status 3\\n.*"),
                run.out());
    }
}
