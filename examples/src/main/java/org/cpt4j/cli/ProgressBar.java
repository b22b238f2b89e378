package org.cpt4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import org.cpt4j.run.RunListener;

/**
 * Progress of a training loop on standard error: on a terminal one line redrawn in place a few times a second
 * (the line cleared first, so a shorter line leaves nothing behind), else (logs, CI, a redirected standard error)
 * one line per tenth of the run with no carriage returns. Shows the step, a smoothed loss, the learning rate, the
 * speed and the time left.
 */
final class ProgressBar implements RunListener {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final double SMOOTHING = 0.05;
    /** Back to the start of the line and clear it (ANSI "erase in line"). */
    static final String REDRAW = "\r\u001b[K";

    private final String label;
    private final PrintWriter out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long firstStep = -1;
    private long lastDraw;
    private double smoothedLoss = Double.NaN;
    private int lastTenth = -1;

    ProgressBar(String label, PrintWriter out, boolean terminal) {
        this.label = label;
        this.out = out;
        this.terminal = terminal;
    }

    /** @return a bar that redraws its line when standard error is a terminal */
    static ProgressBar on(PrintWriter err, String label) {
        return new ProgressBar(label, err, stderrIsTerminal());
    }

    /**
     * @return whether standard error is a terminal: on Linux, whether file descriptor 2 is a tty device; elsewhere
     *     whether the JVM has a console ({@link System#console()} looks at standard input and output, not at
     *     standard error, so {@code cpt4j run ... 2> log} on Linux is rightly not a terminal)
     */
    static boolean stderrIsTerminal() {
        Path descriptor = Path.of("/proc/self/fd/2");
        if (Files.exists(descriptor, LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(descriptor).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }

    @Override
    public void onPretrainingStep(long step, long total, double loss, double learningRate) {
        step(step, total, loss, learningRate);
    }

    /** Shows step {@code step} (0-based) of {@code total}. */
    void step(long step, long total, double loss, double learningRate) {
        if (firstStep < 0) {
            firstStep = step;
        }
        smoothedLoss = Double.isNaN(smoothedLoss) ? loss : (1 - SMOOTHING) * smoothedLoss + SMOOTHING * loss;
        long done = step + 1;
        long now = System.nanoTime();
        int tenth = (int) (10 * done / total);
        boolean last = done == total;
        if (terminal ? now - lastDraw >= REDRAW_NANOS || last : tenth != lastTenth) {
            lastDraw = now;
            lastTenth = tenth;
            double seconds = (now - started) / 1e9;
            double stepsPerSecond = (done - firstStep) / Math.max(seconds, 1e-9);
            String line = String.format(Locale.ROOT, "%s [%s] %d/%d loss %.4f lr %.2e %.1f steps/s %s", label,
                    bar(done, total), done, total, smoothedLoss, learningRate, stepsPerSecond,
                    last ? "done in " + duration(seconds) : "ETA " + duration((total - done) / stepsPerSecond));
            out.print(terminal ? REDRAW + line + (last ? "\n" : "") : line + "\n");
            out.flush();
        }
    }

    private static String bar(long done, long total) {
        int filled = (int) (WIDTH * done / total);
        return "#".repeat(filled) + ".".repeat(WIDTH - filled);
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 60 ? String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60) : whole + "s";
    }
}
