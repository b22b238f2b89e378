package org.cpt4j.objective;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs a call with {@code System.out} discarded. SameDiff 1.0.0-M2.1 prints one line per op to standard output
 * while it builds a gradient function ("Added differentiated op …", unconditionally); a CLI whose progress
 * display and {@code --json} output live on standard output cannot have that (docs/samediff-notes.md).
 */
final class QuietStdout {

    private QuietStdout() {
    }

    static synchronized <T> T call(Supplier<T> action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return action.get();
        } finally {
            System.setOut(original);
        }
    }
}
