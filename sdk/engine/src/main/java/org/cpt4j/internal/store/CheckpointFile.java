package org.cpt4j.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Predicate;
import org.cpt4j.internal.model.PolicyStateFile;

/**
 * Reads and writes {@link Checkpoint}s: a {@link PolicyStateFile} (magic, versioned JSON header, arrays, CRC-32,
 * atomic write) whose header's {@code extra} object is {@code {"format": "cpt4j-checkpoint", "version": 2,
 * "owner": …, "step": …, "streamSeed": …, "loop": {…}}} and whose further groups are the checkpoint's.
 *
 * <p>Reads the two kinds that came before it too: version 1 of pretraining ({@code "kind": "checkpoint",
 * "checkpointVersion": 1, "specHash": …}) and the arm checkpoints written before version 2 ({@code "progress"} and
 * {@code "teacherMode"} in {@code extra}, which read as the loop's state, without an owner).
 */
public final class CheckpointFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FileFormat FORMAT = FileFormat.CHECKPOINT;

    private CheckpointFile() {
    }

    /** Writes {@code checkpoint} to {@code file}, atomically. */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        ObjectNode extra = JSON.createObjectNode()
                .put("owner", checkpoint.owner())
                .put("step", checkpoint.step())
                .put("streamSeed", checkpoint.streamSeed());
        extra.set("loop", checkpoint.loop());
        PolicyStateFile.write(file, checkpoint.policy(), checkpoint.groups(), FORMAT.stamp(extra));
    }

    /**
     * @return the checkpoint in {@code file}
     * @throws IOException naming the file and what is wrong when it is corrupt, truncated, crafted
     *     ({@link PolicyStateFile#readContents}), not a checkpoint, or a checkpoint whose fields are missing or of
     *     the wrong type
     */
    public static Checkpoint read(Path file) throws IOException {
        PolicyStateFile.Contents contents = PolicyStateFile.readContents(file);
        JsonNode extra = contents.extra();
        if (extra.has("format")) {
            FORMAT.check(extra, file);
            JsonNode owner = field(extra, file, "owner", node -> node.isTextual() || node.isNull(), "a text or null");
            return new Checkpoint(owner.isNull() ? null : owner.asText(), step(extra, file, "step"),
                    seed(extra, file), contents.state(), contents.groups(),
                    field(extra, file, "loop", JsonNode::isObject, "an object"));
        }
        if ("checkpoint".equals(extra.path("kind").asText())) {
            if (extra.path("checkpointVersion").asInt(-1) != 1) {
                throw new IOException(file + " is checkpoint version " + extra.path("checkpointVersion")
                        + "; this cpt4j reads versions 1 and " + FORMAT.version());
            }
            return new Checkpoint(field(extra, file, "specHash", JsonNode::isTextual, "a text").asText(),
                    step(extra, file, "step"), seed(extra, file), contents.state(), contents.groups(),
                    JSON.createObjectNode());
        }
        if (extra.has("progress")) {
            JsonNode progress = field(extra, file, "progress", JsonNode::isObject, "an object");
            ObjectNode loop = JSON.createObjectNode();
            loop.set("progress", progress);
            loop.set("teacherMode", extra.get("teacherMode"));
            return new Checkpoint(null, step(progress, file, "step"), 0, contents.state(), contents.groups(), loop);
        }
        throw new IOException(file + " is a policy state, not a checkpoint (its header has no checkpoint fields)");
    }

    /** @return {@code extra}'s {@code name}, which must be there and pass {@code valid} ({@code what} it must be) */
    private static JsonNode field(JsonNode extra, Path file, String name, Predicate<JsonNode> valid, String what)
            throws IOException {
        JsonNode node = extra.path(name);
        if (node.isMissingNode()) {
            throw new IOException(file + " is corrupt: its checkpoint header lacks '" + name + "'");
        }
        if (!valid.test(node)) {
            throw new IOException(file + " is corrupt: its checkpoint header's '" + name + "' is " + node
                    + ", not " + what);
        }
        return node;
    }

    private static long step(JsonNode extra, Path file, String name) throws IOException {
        return field(extra, file, name, node -> node.isIntegralNumber() && node.canConvertToLong()
                && node.asLong() >= 0, "a whole number of steps").asLong();
    }

    private static long seed(JsonNode extra, Path file) throws IOException {
        return field(extra, file, "streamSeed", node -> node.isIntegralNumber() && node.canConvertToLong(),
                "a long").asLong();
    }

    /**
     * @return the checkpoint in {@code file}, which must belong to {@code owner} (or name none, as arm checkpoints
     *     before version 2 do)
     * @throws IOException naming both owners when it belongs to another
     */
    public static Checkpoint readFor(Path file, String owner) throws IOException {
        Checkpoint checkpoint = read(file);
        if (checkpoint.owner() != null && !Objects.equals(checkpoint.owner(), owner)) {
            throw new IOException(file + " was written by " + checkpoint.owner() + ", not by " + owner
                    + "; delete it or run its own spec");
        }
        return checkpoint;
    }
}
