package org.cpt4j.internal.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.cpt4j.internal.model.PolicyStateFile;

/**
 * Reads and writes {@link Checkpoint}s: a {@link PolicyStateFile} (magic, versioned JSON header, arrays, CRC-32,
 * atomic write) whose header's {@code extra} object is {@code {"kind": "checkpoint", "checkpointVersion": 1,
 * "specHash": …, "step": …, "streamSeed": …}}.
 */
public final class CheckpointFile {

    static final String KIND = "checkpoint";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFile() {
    }

    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        ObjectNode extra = JSON.createObjectNode()
                .put("kind", KIND)
                .put("checkpointVersion", VERSION)
                .put("specHash", checkpoint.specHash())
                .put("step", checkpoint.step())
                .put("streamSeed", checkpoint.streamSeed());
        PolicyStateFile.write(file, checkpoint.policy(), extra);
    }

    /** @return the checkpoint in {@code file}; corrupt, truncated or foreign files fail with what is wrong */
    public static Checkpoint read(Path file) throws IOException {
        PolicyStateFile.Contents contents = PolicyStateFile.readContents(file);
        JsonNode extra = contents.extra();
        if (!KIND.equals(extra.path("kind").asText())) {
            throw new IOException(file + " is a policy state, not a checkpoint (its header has no checkpoint fields)");
        }
        if (extra.path("checkpointVersion").asInt(-1) != VERSION) {
            throw new IOException(file + " is checkpoint version " + extra.path("checkpointVersion")
                    + "; this cpt4j reads version " + VERSION);
        }
        for (String field : new String[] {"specHash", "step", "streamSeed"}) {
            if (extra.path(field).isMissingNode()) {
                throw new IOException(file + " is corrupt: its checkpoint header lacks '" + field + "'");
            }
        }
        return new Checkpoint(contents.state(), extra.get("specHash").asText(), extra.get("step").asLong(),
                extra.get("streamSeed").asLong());
    }

    /**
     * @return the checkpoint in {@code file}, which must belong to the specification hashed {@code specHash}
     * @throws IOException naming both hashes when it belongs to another specification
     */
    public static Checkpoint readFor(Path file, String specHash) throws IOException {
        Checkpoint checkpoint = read(file);
        if (!checkpoint.specHash().equals(specHash)) {
            throw new IOException(file + " was written by a run of another specification (spec hash "
                    + checkpoint.specHash() + ", this run's is " + specHash + "); delete it or run its own spec");
        }
        return checkpoint;
    }
}
