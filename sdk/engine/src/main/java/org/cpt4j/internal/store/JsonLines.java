package org.cpt4j.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.cpt4j.io.AtomicFiles;

/**
 * A JSON-lines log of one {@link FileFormat}: appended a line at a time, each line stamped with the format and
 * version. A process killed mid-line leaves a partial last line, which reading leaves out and {@link #keep} drops.
 */
public final class JsonLines {

    private final Path file;
    private final FileFormat format;
    private final ObjectMapper json;

    /** @param json writes and reads the lines (its settings decide key order and unknown fields) */
    public JsonLines(Path file, FileFormat format, ObjectMapper json) {
        this.file = file;
        this.format = format;
        this.json = json;
    }

    /** @return the log's file */
    public Path file() {
        return file;
    }

    /** Appends {@code record}'s fields as one line, after the format's name and version. */
    public void append(JsonNode record) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, (json.writeValueAsString(format.stamp(record)) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * @return the complete lines, in order (a partial last line is left out; none when there is no file)
     * @throws UnreadableFileException naming the file and the line when a complete line is not JSON, not an object,
     *     lacks its integer {@code stage} and {@code step} (every line of a run's log has them), or is another format
     *     or a newer version
     */
    public List<JsonNode> lines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> lines = new ArrayList<>();
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int start = 0;
        int number = 1;
        for (int end = content.indexOf('\n'); end >= 0; start = end + 1, end = content.indexOf('\n', start), number++) {
            JsonNode line = parse(content.substring(start, end), number);
            format.check(line, file);
            for (String field : List.of("stage", "step")) {
                if (!line.path(field).isIntegralNumber()) {
                    throw damaged(number, "has no integer '" + field + "'");
                }
            }
            lines.add(line);
        }
        return lines;
    }

    private JsonNode parse(String text, int number) throws UnreadableFileException {
        JsonNode line;
        try {
            line = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw damaged(number, "is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (line == null || !line.isObject()) {
            throw damaged(number, "is not a JSON object");
        }
        return line;
    }

    private UnreadableFileException damaged(int number, String what) {
        return new UnreadableFileException(file + " line " + number + " " + what + "; the file was changed outside "
                + "cpt4j or damaged: restore it, or delete its run directory to start over");
    }

    /** Rewrites the log, atomically, with only the complete lines {@code wanted} accepts. */
    public void keep(Predicate<JsonNode> wanted) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (JsonNode line : lines()) {
            if (wanted.test(line)) {
                kept.append(json.writeValueAsString(line)).append('\n');
            }
        }
        AtomicFiles.write(file, out -> out.write(kept.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
