package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.jspecify.annotations.Nullable;

/**
 * What a golden policy-state file decodes to, stored beside it as {@code <file>.expected.json}: the step, and per
 * array of each group its shape, its first values and a SHA-256 of its values' IEEE-754 bits (little-endian float32
 * in the canonical order). A test compares a decoded state with it, so no BLAS call or training run is involved
 * and the check holds on any CPU.
 *
 * <p>{@link #main} writes the expectation of a new golden file once, when the file is added. The expectations of the
 * version-1 files were written from the arrays that the version-1 tests had checked, at 1e-6, against a fresh
 * training run on the machine that wrote them.
 */
public final class GoldenState {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int SHOWN = 3;

    private GoldenState() {
    }

    /** @return the expectation of {@code state} */
    public static ObjectNode describe(PolicyState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("step", state.step());
        root.set("parameters", describe(state.parameters()));
        root.set("firstMoment", describe(state.firstMoment()));
        root.set("secondMoment", describe(state.secondMoment()));
        return root;
    }

    private static ObjectNode describe(Parameters parameters) {
        ObjectNode arrays = JSON.createObjectNode();
        for (Map.Entry<String, INDArray> entry : parameters.asMap().entrySet()) {
            float[] values = values(entry.getValue());
            ObjectNode array = arrays.putObject(entry.getKey());
            ArrayNode shape = array.putArray("shape");
            Arrays.stream(entry.getValue().shape()).forEach(shape::add);
            ArrayNode first = array.putArray("first");
            for (int i = 0; i < Math.min(SHOWN, values.length); i++) {
                first.add(values[i]);
            }
            array.put("sha256", digest(values));
        }
        return arrays;
    }

    /** @return the expectation of {@code state} and its further groups (under {@code groups}) */
    public static ObjectNode describe(PolicyState state, Map<String, Parameters> groups) {
        ObjectNode root = describe(state);
        ObjectNode described = root.putObject("groups");
        new java.util.TreeMap<>(groups).forEach((name, parameters) -> described.set(name, describe(parameters)));
        return root;
    }

    /** Asserts that {@code state} decodes to the expectation stored in {@code expectation}. */
    public static void assertMatches(Path expectation, PolicyState state) throws IOException {
        assertMatches(expectation, state, null);
    }

    /**
     * Asserts that {@code state} and {@code groups} decode to the expectation stored in {@code expectation}; null
     * groups for an expectation of a state alone.
     */
    public static void assertMatches(Path expectation, PolicyState state, @Nullable Map<String, Parameters> groups)
            throws IOException {
        JsonNode expected = JSON.readTree(expectation.toFile());
        // through text, so that numbers compare as the same node types as the file's
        JsonNode actual = JSON.readTree(JSON.writeValueAsBytes(groups == null ? describe(state) : describe(state, groups)));
        assertEquals(expected.get("groups"), actual.get("groups"), "the further groups");
        assertEquals(expected.get("step"), actual.get("step"), "step");
        for (String group : new String[] {"parameters", "firstMoment", "secondMoment"}) {
            assertEquals(iterable(expected.get(group)), iterable(actual.get(group)), group + ": the array names");
            expected.get(group).fields().forEachRemaining(entry -> assertEquals(entry.getValue(),
                    actual.get(group).get(entry.getKey()), group + " " + entry.getKey() + " differs from " + expectation));
        }
    }

    private static java.util.List<String> iterable(JsonNode object) {
        java.util.List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static float[] values(INDArray array) {
        return array.castTo(DataType.FLOAT).reshape(-1).toFloatVector();
    }

    private static String digest(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code <file>.expected.json} for the policy state or checkpoint {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        PolicyStateFile.Contents contents = PolicyStateFile.readContents(file);
        JSON.writeValue(file.resolveSibling(file.getFileName() + ".expected.json").toFile(), contents.groups().isEmpty()
                ? describe(contents.state()) : describe(contents.state(), contents.groups()));
    }
}
