package org.cpt4j.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what the store writes with the golden files in {@code src/test/resources/golden/}: byte for byte where
 * the content is the test's own, shape for shape (the same fields, the same format and version) where it is the
 * machine's. A changed format fails here until its golden file is written again, on purpose, with
 * {@code -Dcpt4j.writeGolden=true}; the change then shows in review next to the version it should bump.
 */
public final class GoldenFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean WRITE = Boolean.getBoolean("cpt4j.writeGolden");

    private GoldenFiles() {
    }

    /** Asserts that {@code written} holds exactly what {@code golden} does. */
    public static void assertSameBytes(Path golden, Path written) throws IOException {
        if (WRITE) {
            Files.createDirectories(golden.getParent());
            Files.copy(written, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(Files.exists(golden), golden + " is missing; write it with -Dcpt4j.writeGolden=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), Files.readString(written, StandardCharsets.UTF_8),
                written.getFileName() + " differs from " + golden + ": a format change needs its version bumped and its "
                        + "golden file written again (-Dcpt4j.writeGolden=true)");
    }

    /**
     * Asserts that the JSON file {@code written} has the fields of {@code golden}, at every depth, and its format and
     * version; values other than those two may differ (they are this machine's).
     */
    public static void assertSameShape(Path golden, Path written) throws IOException {
        if (WRITE) {
            Files.createDirectories(golden.getParent());
            Files.copy(written, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        JsonNode expected = JSON.readTree(golden.toFile());
        JsonNode actual = JSON.readTree(written.toFile());
        assertEquals(expected.get("format"), actual.get("format"), "format of " + written);
        assertEquals(expected.get("version"), actual.get("version"), "version of " + written);
        assertEquals(shape(expected, ""), shape(actual, ""), written + " has other fields than " + golden);
    }

    /** @return the paths of every field, arrays by their first element */
    private static List<String> shape(JsonNode node, String path) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                paths.add(path + "." + field.getKey());
                paths.addAll(shape(field.getValue(), path + "." + field.getKey()));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            paths.addAll(shape(node.get(0), path + "[]"));
        }
        return paths;
    }
}
