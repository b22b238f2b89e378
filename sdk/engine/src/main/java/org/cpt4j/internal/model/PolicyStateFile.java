package org.cpt4j.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.cpt4j.io.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes a {@link PolicyState} exactly (bit for bit).
 *
 * <p>Layout, version 3: the 8 bytes {@code CPT4JPS\n}; a big-endian int {@code n}; {@code n} bytes of UTF-8 JSON
 * header ({@link PolicyStateHeader}: format, version, data type, step, model, optimizer, every array's group, name and
 * shape in file order, and an optional {@code extra} object that owners such as checkpoints fill); the arrays'
 * values, little-endian, in header order (parameters, then first moments, then second moments, then any extra
 * named groups of the same layout, such as a post-training checkpoint's {@code teacher}); a big-endian long
 * holding the CRC-32 of everything before it. Files are written atomically ({@link AtomicFiles}). Version 2 is
 * version 3 without extra groups, version 1 is version 2 without {@code extra}; all three are read.
 */
public final class PolicyStateFile {

    static final String FORMAT = "cpt4j-policy-state";
    static final int VERSION = 3;
    static final int OLDEST_READABLE_VERSION = 1;
    private static final byte[] MAGIC = "CPT4JPS\n".getBytes(StandardCharsets.US_ASCII);
    /** The magic bytes and the header's length, before the header. */
    static final int PREAMBLE_BYTES = MAGIC.length + Integer.BYTES;
    /** The checksum, after the arrays. */
    static final int TRAILER_BYTES = Long.BYTES;
    private static final ObjectMapper JSON = PolicyStateHeader.JSON;
    private static final String PARAMETERS = "parameters";
    private static final String FIRST_MOMENT = "first_moment";
    private static final String SECOND_MOMENT = "second_moment";
    static final List<String> STANDARD_GROUPS = List.of(PARAMETERS, FIRST_MOMENT, SECOND_MOMENT);

    private PolicyStateFile() {
    }

    /**
     * A file's policy state, the extra parameter groups and the {@code extra} header object its owner stored beside
     * it.
     */
    public record Contents(PolicyState state, Map<String, Parameters> groups, JsonNode extra) {
    }

    public static void write(Path file, PolicyState state) throws IOException {
        write(file, state, Map.of(), JSON.createObjectNode());
    }

    /** Writes {@code state} with {@code extra} in the header, atomically. */
    public static void write(Path file, PolicyState state, JsonNode extra) throws IOException {
        write(file, state, Map.of(), extra);
    }

    /**
     * Writes {@code state}, then each of {@code groups} (parameter sets of the same model, e.g. a teacher's), with
     * {@code extra} in the header, atomically.
     */
    public static void write(Path file, PolicyState state, Map<String, Parameters> groups, JsonNode extra)
            throws IOException {
        DataType type = state.parameters().dataType();
        List<PolicyStateHeader.ArrayEntry> entries = new ArrayList<>();
        List<INDArray> arrays = new ArrayList<>();
        collect(PARAMETERS, state.parameters(), entries, arrays);
        collect(FIRST_MOMENT, state.firstMoment(), entries, arrays);
        collect(SECOND_MOMENT, state.secondMoment(), entries, arrays);
        groups.forEach((name, parameters) -> {
            if (STANDARD_GROUPS.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a standard group of a policy state");
            }
            collect(name, parameters, entries, arrays);
        });
        byte[] header = JSON.writeValueAsBytes(new PolicyStateHeader(FORMAT, VERSION, type.name(), state.step(),
                state.model(), state.optimizer(), entries, extra));
        if (header.length > PolicyStateHeader.MAX_BYTES) {
            throw new IOException("the header of " + file + " would be " + header.length + " bytes, more than the "
                    + PolicyStateHeader.MAX_BYTES + " a reader takes; nothing was written");
        }
        AtomicFiles.write(file, out -> {
            CRC32 crc = new CRC32();
            DataOutputStream data = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), crc));
            data.write(MAGIC);
            data.writeInt(header.length);
            data.write(header);
            for (INDArray array : arrays) {
                data.write(littleEndianBytes(array));
            }
            data.flush();
            DataOutputStream trailer = new DataOutputStream(out);
            trailer.writeLong(crc.getValue());
            trailer.flush();
        });
    }

    public static PolicyState read(Path file) throws IOException {
        return readContents(file).state();
    }

    /**
     * @return the state in {@code file} and its header's {@code extra} object (empty for version 1 files)
     * @throws IOException naming the file and what is wrong with it: not a policy state, truncated, a header that
     *     {@link PolicyStateHeader} refuses (checked before any array is read, so a damaged or crafted header cannot
     *     make the reader allocate more than the file holds), or a checksum that does not match
     */
    public static Contents readContents(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no policy state file at " + file);
        }
        long size = Files.size(file);
        CRC32 crc = new CRC32();
        try (InputStream raw = Files.newInputStream(file)) {
            DataInputStream data = new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc));
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a cpt4j policy state file (bad magic bytes)");
            }
            int headerLength = data.readInt();
            if (headerLength <= 0 || headerLength > PolicyStateHeader.MAX_BYTES) {
                throw new IOException(file + " is corrupt: header length " + headerLength + " (a header is 1 to "
                        + PolicyStateHeader.MAX_BYTES + " bytes)");
            }
            if (headerLength > size - PREAMBLE_BYTES - TRAILER_BYTES) {
                throw new IOException(file + " is truncated: header length " + headerLength + " in a file of " + size
                        + " bytes; it was not written completely, or its header length is damaged");
            }
            byte[] headerBytes = new byte[headerLength];
            data.readFully(headerBytes);
            PolicyStateHeader header = PolicyStateHeader.parse(file, headerBytes);
            long[] arrayBytes = header.arrayBytes(file, headerLength, size);
            header.checkLayout(file);
            DataType type = header.type();
            Map<String, Map<String, INDArray>> groups = new LinkedHashMap<>();
            List<PolicyStateHeader.ArrayEntry> entries = header.entries();
            for (int i = 0; i < entries.size(); i++) {
                PolicyStateHeader.ArrayEntry entry = entries.get(i);
                byte[] bytes = new byte[(int) arrayBytes[i]];
                data.readFully(bytes);
                groups.computeIfAbsent(entry.group(), g -> new LinkedHashMap<>()).put(entry.name(),
                        fromLittleEndian(bytes, type, entry.shape()));
            }
            long expected = crc.getValue();
            long stored = data.readLong();
            if (stored != expected) {
                throw new IOException(file + " is corrupt: checksum mismatch (stored " + Long.toHexString(stored)
                        + ", computed " + Long.toHexString(expected) + "); restore it from another checkpoint");
            }
            PolicyState state = new PolicyState(header.model(), header.optimizer(), header.step(),
                    new Parameters(groups.remove(PARAMETERS)), new Parameters(groups.remove(FIRST_MOMENT)),
                    new Parameters(groups.remove(SECOND_MOMENT)));
            Map<String, Parameters> extraGroups = new LinkedHashMap<>();
            groups.forEach((name, arrays) -> extraGroups.put(name, new Parameters(arrays)));
            JsonNode extra = header.extra();
            return new Contents(state, extraGroups, extra == null || extra.isNull() ? JSON.createObjectNode() : extra);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated (" + size + " bytes); it was not written completely", e);
        }
    }

    private static void collect(String group, Parameters parameters, List<PolicyStateHeader.ArrayEntry> entries,
                                List<INDArray> arrays) {
        parameters.asMap().forEach((name, array) -> {
            entries.add(new PolicyStateHeader.ArrayEntry(group, name, array.shape()));
            arrays.add(array);
        });
    }

    private static byte[] littleEndianBytes(INDArray array) {
        INDArray contiguous = array.dup('c');
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(contiguous.length() * contiguous.dataType().width()))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (contiguous.dataType() == DataType.DOUBLE) {
            buffer.asDoubleBuffer().put(contiguous.data().asDouble());
        } else if (contiguous.dataType() == DataType.FLOAT) {
            buffer.asFloatBuffer().put(contiguous.data().asFloat());
        } else {
            throw new IllegalArgumentException("policy states hold FLOAT or DOUBLE arrays, not " + contiguous.dataType());
        }
        return buffer.array();
    }

    private static INDArray fromLittleEndian(byte[] bytes, DataType type, long[] shape) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (type == DataType.DOUBLE) {
            double[] values = new double[bytes.length / 8];
            buffer.asDoubleBuffer().get(values);
            return Nd4j.create(values, shape, 'c');
        }
        float[] values = new float[bytes.length / 4];
        buffer.asFloatBuffer().get(values);
        return Nd4j.create(values, shape, 'c');
    }

}
