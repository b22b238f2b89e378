package org.cpt4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a part: the bytes
 * go to a temporary file beside the target, are forced to disk, and the temporary file is renamed over the
 * target. Every file cpt4j writes goes through here, and a plugin that writes files should too.
 */
public final class AtomicFiles {

    /** The name of a temporary file {@link #write} makes beside {@code NAME}: {@code .NAME.<digits>.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9]+\\.tmp");

    private AtomicFiles() {
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} (creating its directories) with what {@code content} writes, atomically. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                // createTempFile makes the file owner-only; results are meant to be shared like any other file.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes what writes into {@code directory} (and below) left when their process was killed before the rename:
     * the temporary files {@link #write} names {@code .NAME.<digits>.tmp}. Call it only while no other process writes
     * there, as the one writer holding the directory's lock.
     *
     * @return the files deleted, none when {@code directory} does not exist
     */
    public static List<Path> removeInterruptedWrites(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> leftovers;
        try (Stream<Path> walk = Files.walk(directory)) {
            leftovers = walk.filter(file -> TEMPORARY.matcher(file.getFileName().toString()).matches())
                    .filter(Files::isRegularFile).toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
        return leftovers;
    }
}
