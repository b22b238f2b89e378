package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a person sees of a training loop's progress, on a terminal and in a log. */
class ProgressBarTest {

    private static String run(boolean terminal, long total) {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar("pretrain", new PrintWriter(text), terminal);
        for (long step = 0; step < total; step++) {
            bar.step(step, total, 2.0 - step / (double) total, 1e-3);
        }
        return text.toString();
    }

    @Test
    void aLogGetsTheFirstStepThenOneLinePerTenthAndNoCarriageReturns() {
        String log = run(false, 200);
        assertFalse(log.contains("\r"), log);
        assertFalse(log.contains("\u001b"), log);
        String[] lines = log.split("\n");
        assertEquals(11, lines.length, log);
        assertTrue(lines[0].startsWith("pretrain [........................] 1/200 loss "), lines[0]);
        assertTrue(lines[1].startsWith("pretrain [##......................] 20/200 loss "), lines[1]);
        assertTrue(lines[10].contains("200/200") && lines[10].contains("done in "), lines[10]);
        assertTrue(Arrays.stream(lines, 0, 10).allMatch(line -> line.contains(" ETA ")), log);
    }

    @Test
    void aTerminalLineIsClearedBeforeEachRedrawSoAShorterLineLeavesNothingBehind() {
        String shown = run(true, 3);
        assertTrue(shown.startsWith(ProgressBar.REDRAW + "pretrain ["), shown);
        assertTrue(shown.endsWith("\n"), "the finished bar ends its line: " + shown);
        for (String draw : shown.split("\r")) {
            assertTrue(draw.isEmpty() || draw.startsWith("\u001b[K"), "every redraw clears the line first: " + draw);
        }
    }

    @Test
    void durationsReadAsSecondsThenMinutes() {
        assertEquals("16s", ProgressBar.duration(16.4));
        assertEquals("1m05s", ProgressBar.duration(65));
        assertEquals("0s", ProgressBar.duration(0.2));
    }

    @Test
    void aRedirectedStandardErrorIsNotATerminal() {
        // surefire runs the tests with standard error going to a pipe or a file, as `cpt4j run ... 2> log` does
        assertFalse(ProgressBar.stderrIsTerminal());
    }
}
