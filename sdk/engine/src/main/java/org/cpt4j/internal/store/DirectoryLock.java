package org.cpt4j.internal.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.cpt4j.spec.InvalidInputException;

/**
 * One writer per directory: an operating-system lock on {@code <directory>/.lock}, which also names the holder (its
 * pid, host and start). The operating system releases the lock of a process that dies, however it dies, so a stale
 * lock of a killed run is taken over by the next writer; the file itself stays (deleting it could let two writers
 * lock two files of one name). Within one JVM a second writer is refused as another process would be.
 */
public final class DirectoryLock implements AutoCloseable {

    /** The lock file's name in the directory it guards. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param what what the directory is, for the message (e.g. {@code run directory})
     * @return the lock of {@code directory} (created if missing), held until {@link #close}
     * @throws InvalidInputException when another writer holds it, naming the holder
     */
    public static DirectoryLock acquire(Path directory, String what) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new InvalidInputException("the " + what + " " + directory + " is being written by another cpt4j ("
                    + (holder.isEmpty() ? "its pid unknown" : holder) + "); one process writes a directory at a time: "
                    + "wait for it to end or stop it, or write elsewhere (another --runs, another experiment name)");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new DirectoryLock(channel, lock);
    }

    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "an unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", since " + Instant.now() + "\n";
    }

    /** Releases the lock; the next writer may take the directory. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
