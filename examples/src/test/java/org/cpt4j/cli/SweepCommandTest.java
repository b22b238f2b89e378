package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cpt4j sweep}: every arm under every seed at every grid point, one aggregate and a report per group. */
class SweepCommandTest {

    private static final String SPEC = """
            {"name": "swept",
             "base": {"model": {"layers": 1, "width": 16, "heads": 2, "context": 48}, "steps": 10, "batchSize": 4,
                      "mix": ["count"]},
             "curriculum": {"stages": [{"domain": "count", "steps": 2}]},
             "training": {"promptsPerStep": 2, "groupSize": 2, "sampling": {"maxNewTokens": 6}},
             "evaluation": {"prompts": 4},
             "arms": [{"name": "grpo", "objective": {"id": "grpo"}}, {"name": "sdpo", "objective": {"id": "sdpo"}}]}
            """;

    @TempDir
    Path directory;

    @Test
    void aSweepPrintsEachGroupOverItsSeedsAndWritesTheAggregate() throws Exception {
        Path spec = Files.writeString(directory.resolve("swept.json"), SPEC);
        Path sweeps = directory.resolve("sweeps");
        CommandLineRun run = CommandLineRun.of("sweep", spec.toString(), "--seeds", "2", "--grid",
                "arms.sdpo.objective.parameters.alpha=0,1", "--parallel", "2", "--threads", "1", "--runs",
                sweeps.toString(), "--cache", directory.resolve("cache").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("sweep swept: 8 tasks (2 arms x 2 points x 2 seeds), 6 runs"), run.err());
        assertTrue(run.err().contains("pretrain [########################] 10/10"), "the base's pretraining is shown: "
                + run.err());
        assertTrue(run.err().contains("[6/6] "), "grpo does not read the axis: its 2 seeds run once, not per point; "
                + run.err());
        assertTrue(run.out().lines().anyMatch(line -> line.matches("arms\\.sdpo\\.objective\\.parameters\\.alpha=1 +sdpo +.*")),
                run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.matches("arms.* +grpo +0\\.0 ± 0\\.0 \\(2\\) +— +— *")),
                "a measure that one stage does not define reads —: " + run.out());
        assertTrue(run.out().contains("aggregate: " + sweeps.resolve("sweep.json")), run.out());
        JsonNode aggregate = new ObjectMapper().readTree(sweeps.resolve("sweep.json").toFile());
        assertEquals(4, aggregate.get("groups").size(), "2 arms x 2 points");
        assertEquals(aggregate.get("tasks").get(0).get("directory"), aggregate.get("tasks").get(4).get("directory"),
                "grpo at alpha=1 is grpo at alpha=0");
        for (JsonNode group : aggregate.get("groups")) {
            assertEquals(2, group.get("measures").get("accuracy").get("perSeed").size(), group.toString());
            assertTrue(Files.isRegularFile(sweeps.resolve(group.get("report").asText())), group.toString());
        }
    }
}
