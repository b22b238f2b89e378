package org.cpt4j.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cpt4j.io.AtomicFiles;
import org.jspecify.annotations.Nullable;

/**
 * Every format of the files the engine writes, each with the version it writes now. A JSON file, and each line of a
 * JSON-lines log, begins with {@code "format"} and {@code "version"}; a CSV file begins with a comment line naming
 * both ({@link #csvHeader}); a checkpoint carries them in its header. A reader accepts the versions up to its own
 * and a file without the fields (written before cpt4j versioned its run files, read as version 0), and refuses a
 * newer version or another format, naming the file. The experiment spec ({@code cpt4j-experiment}), the tokenizer
 * ({@code cpt4j-tokenizer}) and the policy state ({@code cpt4j-policy-state}) version themselves the same way.
 */
public enum FileFormat {

    /** A checkpoint of pretraining or of an arm: a policy state file with the checkpoint in its header. */
    CHECKPOINT("cpt4j-checkpoint", 2, null),
    /**
     * A line of an arm's {@code metrics.jsonl}: one step (version 2 writes a value that is not finite as null and names
     * it under {@code nonFinite}; version 1 wrote it as a string).
     */
    METRICS("cpt4j-metrics", 2, "metrics.jsonl"),
    /**
     * A line of an arm's {@code events.jsonl}: a collapse, what a rule did about one, or a plugin that failed (version 2
     * named the failed component's plugin, its version and arm, and whether it ended the run).
     */
    EVENTS("cpt4j-events", 2, "events.jsonl"),
    /** A line of an arm's {@code drift.jsonl}: one drift metric after one stage. */
    DRIFT("cpt4j-drift", 1, "drift.jsonl"),
    /** A line of an arm's {@code evaluations.jsonl}: one evaluation (version 2 added the teacher's accuracy). */
    EVALUATIONS("cpt4j-evaluation", 2, "evaluations.jsonl"),
    /** A line of an arm's {@code samples.jsonl}: one rollout kept for reading. */
    SAMPLES("cpt4j-samples", 1, "samples.jsonl"),
    /** An experiment's {@code provenance.json}: what produced each session of the run. */
    PROVENANCE("cpt4j-provenance", 1, "provenance.json"),
    /** An arm's {@code accuracy.csv}. */
    ACCURACY("cpt4j-accuracy", 1, "accuracy.csv"),
    /** An arm's {@code measures.json} (version 2 added Chaudhry's forgetting per domain). */
    MEASURES("cpt4j-measures", 2, "measures.json"),
    /** A cached base model's {@code spec.json}: what was asked. */
    BASE_SPEC("cpt4j-base-spec", 1, "spec.json"),
    /** A cached base model's {@code arithmetic.json}. */
    ARITHMETIC("cpt4j-arithmetic", 1, "arithmetic.json"),
    /** A cached base model's {@code evaluation.json}. */
    BASE_EVALUATION("cpt4j-base-evaluation", 1, "evaluation.json"),
    /** A sweep's {@code sweep.json}: its tasks and each group's measures over the seeds. */
    SWEEP("cpt4j-sweep", 1, "sweep.json");

    /** The version a file written before the formats were versioned reads as. */
    public static final int UNVERSIONED = 0;

    private final String formatName;
    private final int version;
    private final @Nullable String file;

    FileFormat(String formatName, int version, @Nullable String file) {
        this.formatName = formatName;
        this.version = version;
        this.file = file;
    }

    /**
     * @return the name of the one file of this format in its directory, e.g. {@code metrics.jsonl}: what the writer
     *     and every reader resolve
     * @throws IllegalStateException for checkpoints, which are many files named by their step
     */
    public String file() {
        if (file == null) {
            throw new IllegalStateException(formatName + " has no single file name");
        }
        return file;
    }

    /** @return the name files carry, e.g. {@code cpt4j-metrics} */
    public String formatName() {
        return formatName;
    }

    /** @return the version this cpt4j writes */
    public int version() {
        return version;
    }

    /** @return {@code content}'s fields after this format's name and version, as a new object */
    public ObjectNode stamp(JsonNode content) {
        ObjectNode stamped = JsonNodeFactory.instance.objectNode().put("format", formatName).put("version", version);
        content.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("format") && !field.getKey().equals("version")) {
                stamped.set(field.getKey(), field.getValue());
            }
        });
        return stamped;
    }

    /**
     * @param node an object read from {@code file}
     * @return its version: {@link #UNVERSIONED} when it names no format
     * @throws UnreadableFileException naming the file when it is another format, or a version newer than this cpt4j's
     */
    public int check(JsonNode node, Path file) throws IOException {
        JsonNode format = node.path("format");
        if (format.isMissingNode()) {
            return UNVERSIONED;
        }
        if (!format.isTextual() || !formatName.equals(format.asText())) {
            throw new UnreadableFileException(file + " holds " + (format.isTextual() ? format.asText() : format)
                    + ", not " + formatName + "; it is not a file cpt4j wrote here");
        }
        JsonNode version = node.path("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new UnreadableFileException(file + " is " + formatName + " of version " + version
                    + ", which is no version number; it was not written by cpt4j as it is");
        }
        return checkVersion(version.intValue(), file);
    }

    /** Writes {@code content} as a JSON file of this format (name and version first, indented), atomically. */
    public void write(Path file, ObjectMapper json, Object content) throws IOException {
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(stamp(json.valueToTree(content)));
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * @return the JSON file of this format at {@code file}, read as {@code type} without its name and version
     * @throws IOException as {@link #check} does, or when the file cannot be read as {@code type}
     */
    public <T> T read(Path file, ObjectMapper json, Class<T> type) throws IOException {
        JsonNode node = readTree(file, json);
        ObjectNode content = node.deepCopy();
        content.remove(List.of("format", "version"));
        return json.treeToValue(content, type);
    }

    /**
     * @return the JSON object in {@code file}, checked to be of this format
     * @throws UnreadableFileException naming the file when it is not a JSON object, or as {@link #check} does
     */
    public ObjectNode readTree(Path file, ObjectMapper json) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnreadableFileException(file + " is not JSON (" + e.getOriginalMessage() + "); it was changed "
                    + "outside cpt4j or damaged: restore it, or delete it (a run writes it again)", e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UnreadableFileException(file + " is not a JSON object; it was changed outside cpt4j or damaged");
        }
        check(object, file);
        return object;
    }

    /** @return the comment line a CSV file of this format begins with */
    public String csvHeader() {
        return "# " + formatName + " version " + version;
    }

    private int checkVersion(int found, Path file) throws IOException {
        if (found < 1 || found > version) {
            throw new UnreadableFileException(file + " is " + formatName + " version " + found + "; this cpt4j reads "
                    + "versions 1 to " + version + (found > version ? " (it was written by a newer cpt4j: run it with "
                    + "that one)" : ""));
        }
        return found;
    }
}
