package org.cpt4j.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cpt4j.spec.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {

    @TempDir
    Path directory;

    @Test
    void aSecondWriterInTheSameJvmIsRefusedUntilTheFirstCloses() throws IOException {
        Path guarded = directory.resolve("runs/tiny");
        try (DirectoryLock first = DirectoryLock.acquire(guarded, "run directory")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> DirectoryLock.acquire(guarded, "run directory"));
            assertTrue(refused.getMessage().startsWith("the run directory " + guarded + " is being written by another "
                    + "cpt4j (pid " + ProcessHandle.current().pid() + " on "), refused.getMessage());
        }
        DirectoryLock.acquire(guarded, "run directory").close();
    }

    /** Another process holds it, then is killed: its lock is stale, and the next writer takes it over. */
    @Test
    void anotherProcessIsRefusedAndAKilledOnesLockIsTakenOver() throws Exception {
        Path guarded = directory.resolve("cache/entry");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DirectoryLockHolder.class.getName(), guarded.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> DirectoryLock.acquire(guarded, "base-model cache entry"));
            assertTrue(refused.getMessage().contains("(pid " + holder.pid() + " on "), refused.getMessage());
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (DirectoryLock taken = DirectoryLock.acquire(guarded, "base-model cache entry")) {
            assertTrue(Files.readString(guarded.resolve(DirectoryLock.FILE))
                    .startsWith("pid " + ProcessHandle.current().pid() + " on "));
        }
    }
}
