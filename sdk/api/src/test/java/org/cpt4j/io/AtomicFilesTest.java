package org.cpt4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader sees a file's old content or its complete new one, never a part. */
class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = directory.resolve("measures.json");
        AtomicFiles.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        IOException failed = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("the disk is full");
        }));
        assertEquals("the disk is full", failed.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), files(directory), "no temporary file stays beside it");
    }

    @Test
    void aWriteReplacesTheFileAndMakesItsDirectories() throws IOException {
        Path file = directory.resolve("runs/tiny/spec.json");
        AtomicFiles.write(file, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(file, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertEquals("second", Files.readString(file));
        assertEquals(List.of(file), files(file.getParent()));
    }

    @Test
    void theTemporaryFilesOfWritesKilledBeforeTheirRenameAreRemovedAndNothingElse() throws IOException {
        Path checkpoints = Files.createDirectories(directory.resolve("grpo/checkpoints"));
        Path kept = Files.writeString(checkpoints.resolve("step-0000000002.ckpt"), "complete");
        // what write() makes before it renames: a killed process leaves it behind
        Path leftover = Files.createTempFile(checkpoints, ".step-0000000003.ckpt.", ".tmp");
        Path topLeftover = Files.createTempFile(directory, ".metrics.jsonl.", ".tmp");
        List<Path> others = List.of(Files.writeString(directory.resolve("notes.tmp"), "a user's"),
                Files.writeString(directory.resolve(".notes.tmp"), "a user's"),
                Files.writeString(directory.resolve("step.123.tmp"), "a user's"),
                Files.writeString(directory.resolve(".step.12a.tmp"), "a user's"));

        List<Path> removed = AtomicFiles.removeInterruptedWrites(directory);

        assertEquals(Set.of(leftover, topLeftover), Set.copyOf(removed));
        assertEquals(List.of(kept), files(checkpoints));
        for (Path other : others) {
            assertEquals("a user's", Files.readString(other), other + " is not one of write()'s");
        }
        assertEquals(List.of(), AtomicFiles.removeInterruptedWrites(directory.resolve("absent")));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
