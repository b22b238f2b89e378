package org.cpt4j.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import org.cpt4j.model.ModelConfig;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites a valid policy-state file the way a damaged or a crafted one would be: its header changed and its
 * checksum made right again, so that only the check a test is about can refuse it. The magic is 8 bytes, the header's
 * length a big-endian int, the checksum the last 8 bytes ({@link PolicyStateFile}).
 */
public final class CraftedPolicyState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PREAMBLE = PolicyStateFile.PREAMBLE_BYTES;
    private static final int TRAILER = PolicyStateFile.TRAILER_BYTES;

    private CraftedPolicyState() {
    }

    /** @return the header of {@code file}, as JSON text */
    public static String header(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = ByteBuffer.wrap(bytes, PREAMBLE - Integer.BYTES, Integer.BYTES).getInt();
        return new String(bytes, PREAMBLE, length, StandardCharsets.UTF_8);
    }

    /** Replaces the header of {@code file} by {@code change} of its text, keeping the arrays; the checksum fits. */
    public static void rewriteHeaderText(Path file, UnaryOperator<String> change) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = ByteBuffer.wrap(bytes, PREAMBLE - Integer.BYTES, Integer.BYTES).getInt();
        byte[] header = change.apply(new String(bytes, PREAMBLE, length, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        byte[] arrays = Arrays.copyOfRange(bytes, PREAMBLE + length, bytes.length - TRAILER);
        write(file, header.length, header, arrays);
    }

    /** Replaces the header of {@code file} by what {@code change} makes of its tree; the checksum fits. */
    public static void rewriteHeader(Path file, Consumer<ObjectNode> change) throws IOException {
        rewriteHeaderText(file, text -> {
            try {
                ObjectNode header = (ObjectNode) JSON.readTree(text);
                change.accept(header);
                return JSON.writeValueAsString(header);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Sets the header's model to {@code model} and its arrays to that model's three standard groups. */
    public static void declareModel(ObjectNode header, ModelConfig model) {
        header.set("model", JSON.valueToTree(model));
        var arrays = header.putArray("arrays");
        for (String group : PolicyStateFile.STANDARD_GROUPS) {
            for (TransformerLayout.Entry entry : new TransformerLayout(model).entries()) {
                var array = arrays.addObject().put("group", group).put("name", entry.name()).putArray("shape");
                for (long dimension : entry.shape()) {
                    array.add(dimension);
                }
            }
        }
    }

    /**
     * Writes a file of the magic, {@code declaredLength} as the header's length, {@code header}, {@code arrays} and
     * the checksum of all of them.
     */
    public static void write(Path file, int declaredLength, byte[] header, byte[] arrays) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("CPT4JPS\n".getBytes(StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(Integer.BYTES).putInt(declaredLength).array());
        out.write(header);
        out.write(arrays);
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        out.write(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
        Files.write(file, out.toByteArray());
    }

    /** A read that may throw. */
    @FunctionalInterface
    public interface Read {
        void run() throws Exception;
    }

    /**
     * What a read did: what it threw (null when nothing) and the bytes the current thread allocated on the heap
     * meanwhile (HotSpot's count, thread-local allocation buffers included).
     */
    public record Attempt(@Nullable Exception thrown, long allocatedBytes) {
    }

    /** @return what {@code read} threw and allocated */
    public static Attempt attempt(Read read) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Exception thrown = null;
        try {
            read.run();
        } catch (Exception e) {
            thrown = e;
        }
        return new Attempt(thrown, threads.getCurrentThreadAllocatedBytes() - before);
    }
}
