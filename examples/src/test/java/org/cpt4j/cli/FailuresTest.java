package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpt4j.run.PluginFailure;
import org.cpt4j.run.PluginFailureException;
import org.cpt4j.spec.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The exit status and the one line the command line ends with, by what went wrong. */
class FailuresTest {

    private record Ended(int status, String message) {
    }

    private static Ended report(Throwable failure) {
        StringWriter err = new StringWriter();
        int status = Failures.report(failure, new PrintWriter(err, true));
        return new Ended(status, err.toString());
    }

    @Test
    void badInputExitsTwoWithItsMessageAlone() {
        Ended ended = report(new InvalidInputException("runs/x holds a run of a different spec; delete runs/x"));
        assertEquals(new Ended(2, "cpt4j: runs/x holds a run of a different spec; delete runs/x\n"), ended);
    }

    @Test
    void runningOutOfMemoryIsTheInputsAndSaysWhatToShrink() {
        Ended ended = report(new OutOfMemoryError("Java heap space"));
        assertEquals(2, ended.status());
        assertTrue(ended.message().startsWith("cpt4j: ran out of memory (Java heap space, with at most "), ended.message());
        assertTrue(ended.message().contains("JAVA_OPTS=-Xmx8g"), ended.message());
    }

    @Test
    void aPluginsFailureExitsOneNamingThePlugin() {
        Ended ended = report(new PluginFailureException(new PluginFailure("acme", "1.0", "reward", "flaky", "grpo", 0,
                3, "java.lang.IllegalStateException: down", true), new IllegalStateException("down")));
        assertEquals(1, ended.status());
        assertTrue(ended.message().startsWith("cpt4j: reward 'flaky' (plugin acme 1.0) failed in arm 'grpo' at step 3"),
                ended.message());
    }

    @Test
    void cpt4jsOwnFailureExitsOneWithTheFileItsStackTraceIsIn() throws Exception {
        Ended ended = report(new NullPointerException("a bug"));
        assertEquals(1, ended.status());
        assertTrue(!ended.message().contains("\tat "), "no stack trace on the terminal: " + ended.message());
        Matcher file = Pattern.compile("the stack trace is in (\\S+); please report it").matcher(ended.message());
        assertTrue(file.find(), ended.message());
        String trace = Files.readString(Path.of(file.group(1)));
        assertTrue(trace.contains("java.lang.NullPointerException: a bug") && trace.contains("\tat "), trace);
        Files.delete(Path.of(file.group(1)));
    }

    @Test
    void helpListsTheExitStatuses() {
        CommandLineRun help = CommandLineRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("Exit status: 0 done; 1 a failure of cpt4j or of a "
                + "plugin"), help.out());
    }
}
