package org.cpt4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.run.PluginFailureException;
import org.cpt4j.spec.InvalidInputException;

/**
 * How the command line ends on a throwable. Bad input (a spec, a checkpoint, an option, a file or a directory the user
 * gave) exits {@link ExitCode#BAD_INPUT} with its message alone; so does running out of memory, which is the input
 * asking for more than the JVM has. A plugin's failure exits {@link ExitCode#FAILURE} with its message, which names
 * the plugin. Anything else is cpt4j's own failure: {@link ExitCode#FAILURE}, its message, and the file its stack
 * trace was written to. No stack trace reaches the terminal, an {@link Error}'s neither.
 */
final class Failures {

    /** Where stack traces go, unless {@code CPT4J_CRASH_DIR} says otherwise. */
    static final String CRASH_DIRECTORY_VARIABLE = "CPT4J_CRASH_DIR";

    private Failures() {
    }

    /** @return the exit status for {@code failure}, after telling {@code err} what happened */
    static int report(Throwable failure, PrintWriter err) {
        if (failure instanceof InvalidInputException) {
            err.println("cpt4j: " + failure.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (failure instanceof OutOfMemoryError) {
            err.println("cpt4j: ran out of memory (" + failure.getMessage() + ", with at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB for this JVM): the experiment needs more. "
                    + "Make the model, the prompts per step, the group size or the evaluation smaller, or give the JVM "
                    + "more (JAVA_OPTS=-Xmx8g ./cpt4j ...)");
            return ExitCode.BAD_INPUT;
        }
        if (failure instanceof PluginFailureException) {
            err.println("cpt4j: " + failure.getMessage());
            return ExitCode.FAILURE;
        }
        err.println("cpt4j: " + failure + " (a failure of cpt4j itself: " + crashLog(failure) + ")");
        return ExitCode.FAILURE;
    }

    /** @return where {@code failure}'s stack trace was written, or why it could not be */
    private static String crashLog(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String variable = System.getenv(CRASH_DIRECTORY_VARIABLE);
        Path directory = variable != null && !variable.isBlank() ? Path.of(variable)
                : Path.of(System.getProperty("java.io.tmpdir"), "cpt4j");
        Path file = directory.resolve("crash-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")) + "-" + ProcessHandle.current().pid() + ".log");
        try {
            Files.createDirectories(directory);
            byte[] bytes = (String.join(" ", ProcessHandle.current().info().commandLine().orElse("cpt4j")) + "\n\n"
                    + trace).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, out -> out.write(bytes));
            return "the stack trace is in " + file + "; please report it with that file";
        } catch (IOException | RuntimeException e) {
            return "its stack trace could not be written to " + file + " (" + e + ")";
        }
    }
}
