package org.cpt4j.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints one loop keeps in one directory, each named by the step it was taken after,
 * {@code <prefix>NNNNNNNNNN.ckpt}: where the next one goes, which ones stay, and which one a resume takes.
 *
 * <p>A resume takes the newest checkpoint that reads as the loop's own ({@link #newestReadable}). A newer one that
 * does not (truncated, corrupt, crafted, another owner's, another model's, another kind's, or named for another step)
 * is passed over, and, once the caller has taken an older one or starts over, set aside as {@code <name>.damaged}
 * with a warning that names it, says why and what is used instead ({@link #setAside}). Set aside, it stays for a
 * person to look at but leaves the series, so keeping the newest few never keeps it in place of a good one, and the
 * warning is given once.
 */
public final class CheckpointSeries {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSeries.class);
    /** What a damaged checkpoint's name ends with once it is set aside. */
    public static final String DAMAGED = ".damaged";

    private final Path directory;
    private final String prefix;
    private final @Nullable String legacy;
    private final Pattern names;

    /**
     * @param prefix what the files' names begin with, before the step
     * @param legacy the name of the one checkpoint an earlier cpt4j kept instead of a series (null for none): read as
     *     the series' oldest, and deleted with the rest
     */
    public CheckpointSeries(Path directory, String prefix, @Nullable String legacy) {
        this.directory = directory;
        this.prefix = prefix;
        this.legacy = legacy;
        this.names = Pattern.compile(Pattern.quote(prefix) + "(\\d{10})\\.ckpt");
    }

    /** Reads what a loop resumes from out of one of its checkpoints. */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * @param checkpoint {@code file}'s checkpoint, already known to be the owner's and of the step it is named by
         * @throws IOException naming {@code file} when the loop cannot resume from it
         */
        T read(Path file, Checkpoint checkpoint) throws IOException;
    }

    /** A checkpoint that did not read, and why ({@code error}'s message names the file). */
    public record Damaged(Path file, IOException error) {
    }

    /** The newest checkpoint that read, and what it read as. */
    public record Found<T>(Path file, T value) {
    }

    /** What a resume found: the newest checkpoint that read, if one did, and the newer ones that did not. */
    public record Search<T>(Optional<Found<T>> newest, List<Damaged> damaged) {

        public Search {
            damaged = List.copyOf(damaged);
        }

        /** @return each damaged file and why, a line each, newest first */
        public String damagedList() {
            StringBuilder list = new StringBuilder();
            for (Damaged file : damaged) {
                list.append("\n  - ").append(file.error().getMessage());
            }
            return list.toString();
        }
    }

    /** @return the directory the checkpoints are in */
    public Path directory() {
        return directory;
    }

    /** @return the file of the checkpoint after {@code step} steps */
    public Path file(long step) {
        return directory.resolve(String.format(Locale.ROOT, "%s%010d.ckpt", prefix, step));
    }

    /** @return the checkpoints, oldest first: the legacy one if there is one, then by step (none without the directory) */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        if (legacy != null && Files.isRegularFile(directory.resolve(legacy))) {
            files.add(directory.resolve(legacy));
        }
        try (Stream<Path> listed = Files.list(directory)) {
            files.addAll(listed.filter(f -> names.matcher(f.getFileName().toString()).matches()).sorted().toList());
        }
        return files;
    }

    /** Deletes all but the newest {@code kept} checkpoints. */
    public void keepNewest(int kept) throws IOException {
        List<Path> files = files();
        for (int i = 0; i < files.size() - kept; i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    /**
     * Reads the checkpoints newest first, each as {@code owner}'s ({@link CheckpointFile#readFor}) and of the step its
     * name says, then through {@code reader}, until one reads. Nothing on disk changes.
     */
    public <T> Search<T> newestReadable(String owner, Reader<T> reader) throws IOException {
        List<Path> files = files();
        List<Damaged> damaged = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            try {
                Checkpoint checkpoint = CheckpointFile.readFor(file, owner);
                Matcher name = names.matcher(file.getFileName().toString());
                if (name.matches() && Long.parseLong(name.group(1)) != checkpoint.step()) {
                    throw new IOException(file + " holds the checkpoint after step " + checkpoint.step()
                            + ", not the one its name says; it was renamed or copied in");
                }
                return new Search<>(Optional.of(new Found<>(file, reader.read(file, checkpoint))), damaged);
            } catch (IOException e) {
                damaged.add(new Damaged(file, e.getMessage() != null && e.getMessage().contains(file.toString()) ? e
                        : new IOException(file + ": " + e.getMessage(), e)));
            }
        }
        return new Search<>(Optional.empty(), damaged);
    }

    /**
     * Renames each of {@code damaged} to {@code <name>.damaged} (replacing an earlier one of that name), warning
     * through SLF4J with the file, why it was passed over and {@code instead}, what the loop does instead.
     */
    public void setAside(List<Damaged> damaged, String instead) {
        for (Damaged file : damaged) {
            Path aside = file.file().resolveSibling(file.file().getFileName() + DAMAGED);
            String kept;
            try {
                Files.move(file.file(), aside, StandardCopyOption.REPLACE_EXISTING);
                kept = "it is kept as " + aside;
            } catch (IOException e) {
                kept = "it could not be set aside as " + aside + " (" + e.getMessage() + ") and will be tried again";
            }
            LOG.warn("passed over a damaged checkpoint: {}; {}; {}", file.error().getMessage(), instead, kept);
        }
    }
}
