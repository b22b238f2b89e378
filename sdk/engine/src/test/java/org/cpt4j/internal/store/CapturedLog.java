package org.cpt4j.internal.store;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the engine logs through SLF4J while an action runs. The tests' binding, slf4j-simple, writes each line to
 * whatever {@code System.err} is when it logs (src/test/resources/simplelogger.properties: warnings and above), so
 * the log is {@code System.err} for the while; the tests run one at a time.
 */
public final class CapturedLog {

    private CapturedLog() {
    }

    /** An action that may throw. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws Exception;
    }

    /** What the action returned, and what was logged meanwhile. */
    public record Captured<T>(T value, String log) {
    }

    /** @return what {@code action} returned and what was logged while it ran (also passed on to the real stream) */
    public static <T> Captured<T> during(Action<T> action) throws Exception {
        PrintStream real = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        T value;
        try {
            value = action.run();
        } finally {
            System.setErr(real);
            real.print(log.toString(StandardCharsets.UTF_8));
        }
        return new Captured<>(value, log.toString(StandardCharsets.UTF_8));
    }
}
