package org.cpt4j.internal.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The JSON header of a {@link PolicyStateFile}: format, version, data type, step, model, optimizer, every array's
 * group, name and shape in file order, and an optional {@code extra} object that owners such as checkpoints fill.
 *
 * <p>Its checks are where a damaged or crafted file stops before anything the size of its arrays is allocated: the
 * JSON is read strictly (a duplicate key, anything after the object, a string or a fraction where a number belongs
 * are errors); every field must be there; every shape is non-negative, its element count and byte size do not
 * overflow and fit one Java array; and the header and the arrays it declares add up to the file's length, byte for
 * byte. Each failure is an {@link IOException} that names the file and says what is wrong.
 */
record PolicyStateHeader(@Nullable String format, int version, @Nullable String dataType, long step,
                         @Nullable ModelConfig model, @Nullable OptimizerConfig optimizer,
                         @Nullable List<ArrayEntry> arrays, @Nullable JsonNode extra) {

    /** The longest header a reader takes: that of a model of some 20 000 layers, far beyond what cpt4j trains. */
    static final int MAX_BYTES = 16 << 20;
    /**
     * The largest array, in bytes, a reader takes: about the longest Java array a JVM allocates (as
     * {@code ArraysSupport.SOFT_MAX_ARRAY_LENGTH}), since an array is read into one.
     */
    static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** One array's entry in the header. */
    record ArrayEntry(@Nullable String group, @Nullable String name, long @Nullable [] shape) {

        String path() {
            return group + "/" + name;
        }
    }

    /**
     * @param bytes the header as the file holds it
     * @return the header, its fields all present, its format and version ones this cpt4j reads
     * @throws IOException naming {@code file} when the JSON or a field is not that of a policy-state header
     */
    static PolicyStateHeader parse(Path file, byte[] bytes) throws IOException {
        PolicyStateHeader header;
        try {
            header = JSON.readValue(bytes, PolicyStateHeader.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is corrupt: its header is not a policy-state header (" + where(e)
                    + e.getOriginalMessage() + ")", e);
        }
        if (header == null) {
            throw new IOException(file + " is corrupt: its header is null");
        }
        header.check(file);
        return header;
    }

    /** @return where in the header a mapping failed, as {@code at model.width: }, or nothing for a syntax error */
    private static String where(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return "at " + path + ": ";
    }

    private void check(Path file) throws IOException {
        if (!PolicyStateFile.FORMAT.equals(format) || version < PolicyStateFile.OLDEST_READABLE_VERSION
                || version > PolicyStateFile.VERSION) {
            throw new IOException(file + " holds " + format + " version " + version + "; this cpt4j reads "
                    + PolicyStateFile.FORMAT + " versions " + PolicyStateFile.OLDEST_READABLE_VERSION + " to "
                    + PolicyStateFile.VERSION);
        }
        if (!List.of(DataType.FLOAT.name(), DataType.DOUBLE.name()).contains(dataType)) {
            throw new IOException(file + " declares data type " + dataType + "; policy states hold FLOAT or DOUBLE arrays");
        }
        List<String> missing = new ArrayList<>();
        if (model == null) {
            missing.add("model");
        }
        if (optimizer == null) {
            missing.add("optimizer");
        }
        if (arrays == null) {
            missing.add("arrays");
        } else {
            for (int i = 0; i < arrays.size(); i++) {
                ArrayEntry entry = arrays.get(i);
                if (entry == null || entry.group() == null || entry.name() == null || entry.shape() == null) {
                    missing.add("arrays[" + i + "] (each array needs group, name and shape)");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(file + " is corrupt: its header lacks " + String.join(", ", missing));
        }
        if (step < 0) {
            throw new IOException(file + " is corrupt: its header's step is " + step + ", below 0");
        }
        if (extra != null && !extra.isObject() && !extra.isNull()) {
            throw new IOException(file + " is corrupt: its header's extra is " + extra.getNodeType() + ", not an object");
        }
    }

    /** @return the data type of the file's arrays */
    DataType type() {
        return DataType.valueOf(dataType);
    }

    /** @return the arrays' entries, in file order */
    List<ArrayEntry> entries() {
        return arrays == null ? List.of() : arrays;
    }

    /**
     * @param headerLength the header's length in bytes
     * @param fileLength the file's length in bytes
     * @return each array's size in bytes, in file order
     * @throws IOException naming {@code file} when a shape has a negative dimension, an element count or a size
     *     overflows or passes {@link #MAX_ARRAY_BYTES}, or the magic, the header, the arrays and the checksum do not
     *     add up to {@code fileLength}
     */
    long[] arrayBytes(Path file, int headerLength, long fileLength) throws IOException {
        List<ArrayEntry> entries = entries();
        long[] bytes = new long[entries.size()];
        long total = 0;
        for (int i = 0; i < bytes.length; i++) {
            ArrayEntry entry = entries.get(i);
            String array = file + " is corrupt: array " + entry.path() + " has shape " + Arrays.toString(entry.shape());
            try {
                long elements = 1;
                for (long dimension : entry.shape()) {
                    if (dimension < 0) {
                        throw new IOException(array + ", a negative dimension");
                    }
                    elements = Math.multiplyExact(elements, dimension);
                }
                bytes[i] = Math.multiplyExact(elements, (long) type().width());
                total = Math.addExact(total, bytes[i]);
            } catch (ArithmeticException e) {
                throw new IOException(array + ", whose size overflows a long", e);
            }
            if (bytes[i] > MAX_ARRAY_BYTES) {
                throw new IOException(array + " of " + bytes[i] + " bytes; an array of a policy state holds at most "
                        + MAX_ARRAY_BYTES);
            }
        }
        long expected = PolicyStateFile.PREAMBLE_BYTES + headerLength + total + PolicyStateFile.TRAILER_BYTES;
        if (expected > fileLength) {
            throw new IOException(file + " is truncated: its header declares " + total + " bytes of arrays, so the file"
                    + " should be " + expected + " bytes long, but it is " + fileLength + "; it was not written"
                    + " completely, or its header is damaged");
        }
        if (expected < fileLength) {
            throw new IOException(file + " is corrupt: its header declares " + total + " bytes of arrays, so the file"
                    + " should be " + expected + " bytes long, but it is " + fileLength);
        }
        return bytes;
    }

    /**
     * Checks that the arrays are exactly those the model configuration needs (the standard groups, then whole extra
     * groups), naming every mismatch; a count that cannot be right is refused before the model's layout is built.
     */
    void checkLayout(Path file) throws IOException {
        List<ArrayEntry> entries = entries();
        long needed = PolicyStateFile.STANDARD_GROUPS.size() * TransformerLayout.arrayCount(model);
        if (entries.size() < needed) {
            throw new IOException(file + " does not match its model configuration " + model + ": it declares "
                    + entries.size() + " arrays, the model needs " + needed);
        }
        List<String> problems = new ArrayList<>();
        List<TransformerLayout.Entry> expected = new TransformerLayout(model).entries();
        List<String> groups = new ArrayList<>(PolicyStateFile.STANDARD_GROUPS);
        for (int i = PolicyStateFile.STANDARD_GROUPS.size() * expected.size(); i < entries.size(); i += expected.size()) {
            String group = entries.get(i).group();
            if (groups.contains(group)) {
                problems.add("group " + group + " appears twice");
                break;
            }
            groups.add(group);
        }
        int index = 0;
        for (String group : groups) {
            for (TransformerLayout.Entry entry : expected) {
                if (index >= entries.size()) {
                    problems.add("missing " + group + "/" + entry.name());
                } else {
                    ArrayEntry actual = entries.get(index);
                    if (!group.equals(actual.group()) || !entry.name().equals(actual.name())) {
                        problems.add("expected " + group + "/" + entry.name() + " at position " + index + ", found "
                                + actual.path());
                    } else if (!Arrays.equals(actual.shape(), entry.shape())) {
                        problems.add(actual.path() + " has shape " + Arrays.toString(actual.shape())
                                + ", the model needs " + Arrays.toString(entry.shape()));
                    }
                }
                index++;
            }
        }
        if (entries.size() > index) {
            problems.add((entries.size() - index) + " unexpected extra arrays");
        }
        if (!problems.isEmpty()) {
            throw new IOException(file + " does not match its model configuration " + model + ":\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
