package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code cpt4j pretrain} on a tiny model for a few steps (the real base model belongs to the quickstart). */
class PretrainCommandTest {

    @TempDir
    Path cache;

    private CommandLineRun pretrainTiny() {
        return CommandLineRun.of("pretrain", "--steps", "12", "--batch-size", "4", "--width", "16", "--heads", "2",
                "--layers", "1", "--prompts", "3", "--checkpoint-every", "5", "--threads", "1",
                "--cache", cache.toString(), "--mix", "add,count");
    }

    @Test
    void trainsShowsProgressPrintsEveryDomainAndReusesTheModelTheSecondTime() throws Exception {
        CommandLineRun first = pretrainTiny();
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("pretrain [") && first.err().contains("12/12"), first.err());
        assertTrue(first.out().contains("trained now"), first.out());
        for (String domain : new String[] {"add", "add-long", "mod", "reverse", "sort", "copy", "count", "compare"}) {
            assertTrue(first.out().matches("(?s).*\\n" + domain + "\\s+\\w+\\s+3\\s.*"), domain + " row in " + first.out());
        }
        CommandLineRun second = pretrainTiny();
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("from the cache"), second.out());
        assertTrue(!second.err().contains("pretrain ["), "nothing trained the second time: " + second.err());
        try (var directories = Files.list(cache)) {
            Path base = directories.findFirst().orElseThrow();
            assertTrue(Files.exists(base.resolve("base.ckpt")));
            assertTrue(Files.readString(base.resolve("evaluation.json")).contains("\"teacher\""));
        }
    }

    @Test
    void severalSeedsPrintEachDomainsSpreadAndWhetherTheTargetsHeld() {
        CommandLineRun result = CommandLineRun.of("pretrain", "--steps", "6", "--batch-size", "4", "--width", "16",
                "--heads", "2", "--layers", "1", "--prompts", "3", "--threads", "1", "--cache", cache.toString(),
                "--mix", "add,count", "--seed", "3", "--seeds", "2");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("seed 3 (trained now)") && result.out().contains("seed 4 (trained now)"),
                result.out());
        assertTrue(result.out().contains("held-out accuracy over 2 seeds"), result.out());
        assertTrue(result.out().matches("(?s).*\\n\\s+mean ± sd   seeds 3\\|4 .*"), result.out());
        assertTrue(result.out().matches("(?s).*\\ncount\\s+logic\\s+.*"), result.out());
        // six steps teach nothing: the teacher is no better than the student, and the verdict names each miss
        assertTrue(result.out().contains("targets on the pretraining mix (teacher advantage >= 30 points, student <= 70%, "
                + "every seed): missed by add seed 3 (student 0%, advantage +0)"), result.out());
    }

    @Test
    void anUnknownDomainIsNamedWithTheClosestKnownOne() {
        CommandLineRun result = CommandLineRun.of("pretrain", "--mix", "add,revrse", "--cache", cache.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("pretrain.mix[1]: unknown domain 'revrse'; did you mean 'reverse'?"),
                result.err());
    }

    @Test
    void anUnknownExperimentListsTheBuiltInOnes() {
        CommandLineRun result = CommandLineRun.of("run", "nosuch");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("unknown experiment 'nosuch': no such spec file, and the built-in experiments are: quickstart"), result.err());
    }
}
