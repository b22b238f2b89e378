package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A damaged or crafted policy-state file is refused with an {@link IOException} that names it and says what is
 * wrong, before the reader allocates anything the size of what its header declares.
 */
class DamagedPolicyStateTest {

    private static final ModelConfig CONFIG = ModelConfig.of(m -> m.layers(1).width(8).heads(2).context(8).vocabulary(6));
    /** What a read of a file of a few KiB may allocate on the heap: parsing, buffers, the arrays themselves. */
    private static final long SMALL_ALLOCATION = 32L << 20;

    @TempDir
    Path directory;

    /** Turns a valid file into a damaged one. */
    @FunctionalInterface
    interface Damage {
        void apply(Path file) throws IOException;
    }

    private static Damage header(Consumer<ObjectNode> change) {
        return file -> CraftedPolicyState.rewriteHeader(file, change);
    }

    private static Damage headerText(String target, String replacement) {
        return file -> CraftedPolicyState.rewriteHeaderText(file, text -> {
            assertTrue(text.contains(target), text);
            return text.replaceFirst(java.util.regex.Pattern.quote(target),
                    java.util.regex.Matcher.quoteReplacement(replacement));
        });
    }

    private static Damage declaredHeaderLength(int length) {
        return file -> {
            byte[] bytes = Files.readAllBytes(file);
            byte[] header = CraftedPolicyState.header(file).getBytes(StandardCharsets.UTF_8);
            CraftedPolicyState.write(file, length, header, Arrays.copyOfRange(bytes,
                    PolicyStateFile.PREAMBLE_BYTES + header.length, bytes.length - PolicyStateFile.TRAILER_BYTES));
        };
    }

    private static void shape(ObjectNode header, int array, long... shape) {
        var dimensions = ((ObjectNode) header.get("arrays").get(array)).putArray("shape");
        for (long dimension : shape) {
            dimensions.add(dimension);
        }
    }

    private static Arguments damage(String name, Damage damage, String says) {
        return Arguments.of(Named.of(name, damage), says);
    }

    static Stream<Arguments> damagedFiles() {
        return Stream.of(
                damage("a model of 2.5 GB declared in a header of a few KB",
                        header(h -> CraftedPolicyState.declareModel(h, ModelConfig.of(m -> m.layers(1).width(4096)
                                .heads(2).context(8).vocabulary(6)))), "is truncated: its header declares"),
                damage("an array past 2 GiB",
                        header(h -> CraftedPolicyState.declareModel(h, ModelConfig.of(m -> m.layers(1).width(32768)
                                .heads(2).context(8).vocabulary(6)))), "an array of a policy state holds at most"),
                damage("an array of exactly one byte more than the largest", header(h -> shape(h, 0, 536_870_910)),
                        "an array of a policy state holds at most"),
                damage("a negative dimension", header(h -> shape(h, 0, -6, 8)), "a negative dimension"),
                damage("a negative dimension that makes a positive count", header(h -> shape(h, 0, -6, -8)),
                        "a negative dimension"),
                damage("an element count past a long", header(h -> shape(h, 0, 1L << 40, 1L << 40)), "overflows a long"),
                damage("a byte size past a long", header(h -> shape(h, 0, 1L << 31, 1L << 31)), "overflows a long"),
                damage("sizes that add up to the file but not to the model", header(h -> shape(h, 0, 8, 6)),
                        "has shape [8, 6], the model needs [6, 8]"),
                damage("an array more than the file holds", header(h -> shape(h, 0, 6, 9)), "is truncated"),
                damage("an array less than the file holds", header(h -> shape(h, 0, 6, 7)),
                        "bytes long, but it is"),
                damage("a hundred million layers and a few arrays", header(h -> ((ObjectNode) h.get("model"))
                        .put("layers", 100_000_000)), "model.layers: must be within 1 .. 512, was 100000000"),
                damage("a model that is no model", header(h -> ((ObjectNode) h.get("model")).put("heads", 3)),
                        "must be divisible by model.heads"),
                damage("a duplicate key", headerText("\"step\":0,", "\"step\":0,\"step\":7,"), "Duplicate field 'step'"),
                damage("a duplicate key inside the model", headerText("\"width\":8,", "\"width\":8,\"width\":16,"),
                        "Duplicate field 'width'"),
                damage("a second object after the header",
                        file -> CraftedPolicyState.rewriteHeaderText(file, text -> text + " {}"), "Trailing token"),
                damage("a string for a number", headerText("\"step\":0", "\"step\":\"0\""), "at step: Cannot coerce"),
                damage("a fraction for an integer", headerText("\"version\":3", "\"version\":3.5"),
                        "at version: Cannot coerce"),
                damage("a string inside the model", headerText("\"width\":8", "\"width\":\"8\""),
                        "at model.width: Cannot coerce"),
                damage("no arrays", header(h -> h.remove("arrays")), "lacks arrays"),
                damage("a null array", header(h -> ((ArrayNode) h.get("arrays")).set(0, h.nullNode())), "lacks arrays[0]"),
                damage("an array without a shape", header(h -> ((ObjectNode) h.get("arrays").get(1)).remove("shape")),
                        "lacks arrays[1]"),
                damage("no model", header(h -> h.remove("model")), "lacks model"),
                damage("a negative step", header(h -> h.put("step", -1)), "below 0"),
                damage("an extra that is no object", header(h -> h.put("extra", 5)), "not an object"),
                damage("an unknown field", header(h -> h.put("arraysToo", 1)), "arraysToo"),
                damage("another format", header(h -> h.put("format", "cpt4j-tokenizer")), "holds cpt4j-tokenizer"),
                damage("a newer version", header(h -> h.put("version", 4)), "version 4; this cpt4j reads"),
                damage("a header length past the file", declaredHeaderLength(1 << 20), "is truncated: header length 1048576"),
                damage("a header length of Integer.MAX_VALUE", declaredHeaderLength(Integer.MAX_VALUE),
                        "header length 2147483647"),
                damage("a negative header length", declaredHeaderLength(-5), "header length -5"),
                damage("a header length of zero", declaredHeaderLength(0), "header length 0"),
                damage("a header length of more than 16 MiB in a file that long", file -> {
                    byte[] huge = new byte[(16 << 20) + 16];
                    Arrays.fill(huge, (byte) ' ');
                    CraftedPolicyState.write(file, huge.length, huge, new byte[0]);
                }, "header length 16777232"),
                damage("bytes after the checksum", file -> Files.write(file, new byte[] {1, 2, 3},
                        java.nio.file.StandardOpenOption.APPEND), "is corrupt"),
                damage("a file cut inside its arrays", file -> Files.write(file,
                        Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) - 100)), "is truncated"),
                damage("a file cut inside its header", file -> Files.write(file,
                        Arrays.copyOf(Files.readAllBytes(file), 40)), "is truncated: header length"),
                damage("a file of three bytes", file -> Files.write(file, new byte[] {'C', 'P', 'T'}), "is truncated"),
                damage("an empty file", file -> Files.write(file, new byte[0]), "is truncated"),
                damage("other magic bytes", file -> {
                    byte[] bytes = Files.readAllBytes(file);
                    bytes[3] = 'X';
                    Files.write(file, bytes);
                }, "not a cpt4j policy state file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void aDamagedOrCraftedFileIsRefusedNamingItBeforeAllocatingWhatItDeclares(Damage damage, String says)
            throws IOException {
        Path file = directory.resolve("state.bin");
        PolicyStateFile.write(file, TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> { }), 1).state());
        damage.apply(file);
        CraftedPolicyState.Attempt attempt = CraftedPolicyState.attempt(() -> PolicyStateFile.read(file));
        IOException error = assertInstanceOf(IOException.class, attempt.thrown());
        assertTrue(error.getMessage().contains(file.toString()), "names the file: " + error.getMessage());
        assertTrue(error.getMessage().contains(says), "says '" + says + "': " + error.getMessage());
        assertTrue(attempt.allocatedBytes() < SMALL_ALLOCATION, attempt.allocatedBytes() + " bytes allocated");
    }

    /** A single changed byte anywhere, a damage the checksum was made for, is refused or changes nothing. */
    @Property(tries = 60)
    void anyChangedByteIsRefusedNamingTheFileOrReadsTheSameValues(@ForAll @IntRange(min = 0, max = 1 << 20) int at,
                                                                 @ForAll @IntRange(min = 1, max = 255) int flip)
            throws IOException {
        Path file = Files.createTempFile("cpt4j-state", ".bin");
        try {
            PolicyState written = TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> { }), 1).state();
            PolicyStateFile.write(file, written);
            byte[] bytes = Files.readAllBytes(file);
            bytes[at % bytes.length] ^= (byte) flip;
            Files.write(file, bytes);
            assertRefusedOrUnchanged(file, written, bytes.length);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A file cut anywhere, as a full disk or a copy that stopped leaves it, is refused. */
    @Property(tries = 40)
    void anyTruncationIsRefusedNamingTheFile(@ForAll @IntRange(min = 0, max = 1 << 20) int cut) throws IOException {
        Path file = Files.createTempFile("cpt4j-state", ".bin");
        try {
            PolicyState written = TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> { }), 1).state();
            PolicyStateFile.write(file, written);
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, cut % bytes.length));
            assertRefusedOrUnchanged(file, written, bytes.length);
            assertTrue(Files.size(file) < bytes.length);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void assertRefusedOrUnchanged(Path file, PolicyState written, long fileLength) {
        CraftedPolicyState.Attempt attempt = CraftedPolicyState.attempt(() -> {
            PolicyState read = PolicyStateFile.read(file);
            assertEquals(written.model(), read.model());
            assertEquals(written.step(), read.step());
            assertTrue(written.parameters().sameValues(read.parameters()), "the same values");
        });
        if (attempt.thrown() != null) {
            IOException error = assertInstanceOf(IOException.class, attempt.thrown(), "only an IOException");
            assertTrue(error.getMessage().contains(file.toString()), "names the file: " + error.getMessage());
        }
        assertTrue(attempt.allocatedBytes() < SMALL_ALLOCATION + 8 * fileLength, attempt.allocatedBytes()
                + " bytes allocated for a file of " + fileLength);
    }
}
