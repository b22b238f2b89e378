package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An option's value that means nothing is a usage error naming the option, before anything runs or is written. */
class OptionValuesTest {

    @TempDir
    Path directory;

    private static void refused(String expected, String... args) {
        CommandLineRun run = CommandLineRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith(expected), run.err());
    }

    @Test
    void aCountBelowItsLeastIsRefusedNamingTheOption() throws IOException {
        Path spec = Files.writeString(directory.resolve("spec.json"), "{}");
        String[] where = {"--runs", directory.resolve("runs").toString(), "--cache", directory.resolve("c").toString()};
        refused("Invalid value for option '--threads': must be at least 1, was 0",
                Stream.concat(Stream.of("run", spec.toString(), "--threads", "0"), Stream.of(where))
                        .toArray(String[]::new));
        refused("Invalid value for option '--checkpoint-every': must be at least 1, was -1",
                "pretrain", "--checkpoint-every", "-1", "--cache", directory.resolve("c").toString());
        refused("Invalid value for option '--checkpoint-every': 'ten' is not an int",
                "pretrain", "--checkpoint-every", "ten", "--cache", directory.resolve("c").toString());
        // bench would otherwise measure for minutes before its steps mattered
        refused("Invalid value for option '--steps': must be at least 1, was 0", "bench", "--steps", "0");
        refused("Invalid value for option '--warmup': must be at least 0, was -1", "bench", "--warmup", "-1");
        assertEquals(List.of(spec), list(directory), "nothing was written");
    }

    @Test
    void anEmptyPathIsNoWorkingDirectoryAndAFileIsNoDirectory() throws IOException {
        Path spec = Files.writeString(directory.resolve("spec.json"), "{}");
        List<Path> workingDirectory = list(Path.of(""));
        refused("Invalid value for option '--runs': must name a path, was ''", "run", spec.toString(), "--runs", "",
                "--cache", directory.resolve("c").toString());
        refused("Invalid value for option '--plugins' (JAR|DIR): must name a path, was ''", "plugins", "--plugins", "");
        refused("Invalid value for option '--cache': " + spec + " is a file, not a directory", "run", spec.toString(),
                "--runs", directory.resolve("runs").toString(), "--cache", spec.toString());
        refused("Invalid value for option '--out': " + directory + " is a directory; name the file to write",
                "schema", "--out", directory.toString());
        assertEquals(workingDirectory, list(Path.of("")), "nothing was written where the command ran");
        assertEquals(List.of(spec), list(directory), "nor beside the spec");
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
