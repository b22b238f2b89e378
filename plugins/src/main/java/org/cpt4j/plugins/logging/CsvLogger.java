package org.cpt4j.plugins.logging;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.logging.LoggerContext;
import org.cpt4j.logging.RunLogger;
import org.cpt4j.logging.Scalars;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Writes every scalar of a run as a row {@code arm,step,tag,value} of one CSV file in the run's directory (long
 * format: {@code pd.read_csv(path).pivot_table(index=["arm", "step"], columns="tag")} makes it wide). The file
 * grows with the run and is kept across restarts; when an arm resumes from a checkpoint, its rows after the
 * checkpoint's step are dropped (the file rewritten atomically), since the arm reports those steps again. Values are
 * written with Java's shortest round-trip form ({@link Double#toString}), {@code NaN} where a measure is undefined.
 */
final class CsvLogger implements RunLogger {

    static final String HEADER = "arm,step,tag,value";

    /** @param file the file's path, relative to the run's directory */
    record Options(String file) {
        Options {
            Path path = Path.of(file);
            new Problems("logger").require(!file.isBlank() && !path.isAbsolute() && !path.normalize().startsWith(".."),
                    "file", "must be a relative path inside the run's directory, was '" + file + "'")
                    .throwIfAny("csv logger parameters");
        }
    }

    private final Options options;
    private @Nullable Path file;
    private @Nullable BufferedWriter out;

    CsvLogger(Options options) {
        this.options = options;
    }

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public void open(LoggerContext context) throws IOException {
        file = context.directory().resolve(options.file());
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            out.write(HEADER + "\n");
        }
    }

    @Override
    public void log(Scalars scalars) throws IOException {
        BufferedWriter writer = writer();
        for (var entry : scalars.values().entrySet()) {
            writer.write(field(scalars.arm()) + "," + scalars.step() + "," + field(entry.getKey()) + ","
                    + Double.toString(entry.getValue()) + "\n");
        }
        writer.flush();
    }

    @Override
    public void resumed(String arm, long steps) throws IOException {
        writer().close();
        Path path = file();
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (!later(line, arm, steps)) {
                kept.add(line);
            }
        }
        AtomicFiles.write(path, stream -> stream.write((String.join("\n", kept) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** @return whether {@code line} is a row of {@code arm} after step {@code steps} */
    private static boolean later(String line, String arm, long steps) {
        String prefix = field(arm) + ",";
        if (line.equals(HEADER) || !line.startsWith(prefix)) {
            return false;
        }
        int end = line.indexOf(',', prefix.length());
        return end > 0 && Long.parseLong(line.substring(prefix.length(), end)) > steps;
    }

    /** @return {@code text} as one CSV field: quoted, with its quotes doubled, when it holds a comma, quote or line end */
    static String field(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private BufferedWriter writer() {
        if (out == null) {
            throw new IllegalStateException("the csv logger is not open");
        }
        return out;
    }

    private Path file() {
        if (file == null) {
            throw new IllegalStateException("the csv logger is not open");
        }
        return file;
    }
}
