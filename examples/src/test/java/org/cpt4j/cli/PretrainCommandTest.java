package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code cpt4j pretrain} on a tiny model for a few steps (the real base model belongs to the quickstart). */
class PretrainCommandTest {

    @TempDir
    Path cache;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Cpt4jCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private Result pretrainTiny() {
        return execute("pretrain", "--steps", "12", "--batch-size", "4", "--width", "16", "--heads", "2",
                "--layers", "1", "--prompts", "3", "--checkpoint-every", "5", "--threads", "1",
                "--cache", cache.toString(), "--mix", "add,count");
    }

    @Test
    void trainsShowsProgressPrintsEveryDomainAndReusesTheModelTheSecondTime() throws Exception {
        Result first = pretrainTiny();
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("pretrain [") && first.err().contains("12/12"), first.err());
        assertTrue(first.out().contains("trained now"), first.out());
        for (String domain : new String[] {"add", "add-long", "mod", "reverse", "sort", "copy", "count", "compare"}) {
            assertTrue(first.out().matches("(?s).*\\n" + domain + "\\s+\\w+\\s+3\\s.*"), domain + " row in " + first.out());
        }
        Result second = pretrainTiny();
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
    void anUnknownDomainIsNamedWithTheClosestKnownOne() {
        Result result = execute("pretrain", "--mix", "add,revrse", "--cache", cache.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("pretrain.mix[1]: unknown domain 'revrse'; did you mean 'reverse'?"),
                result.err());
    }

    @Test
    void anUnknownExperimentListsTheBuiltInOnes() {
        Result result = execute("run", "nosuch");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("unknown experiment 'nosuch'; built-in experiments: quickstart"), result.err());
    }
}
