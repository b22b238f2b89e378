package org.cpt4j.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NonFiniteNumbersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
    }

    @Provide
    Arbitrary<Map<String, Double>> diagnostics() {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), values()).ofMaxSize(4);
    }

    /** Written, a line has only numbers and nulls; read back, it is the line it was, NaN and infinities included. */
    @Property(tries = 200)
    void strippedLinesHoldOnlyNumbersAndReadBackTheSame(@ForAll("values") double loss, @ForAll("values") double norm,
                                                        @ForAll("diagnostics") Map<String, Double> diagnostics)
            throws Exception {
        ObjectNode line = JSON.createObjectNode().put("step", 3).put("loss", loss).put("gradientNorm", norm);
        ObjectNode nested = line.putObject("diagnostics");
        diagnostics.forEach((name, value) -> nested.put(name.replace(".", "_"), value));
        ObjectNode original = line.deepCopy();
        String written = JSON.writeValueAsString(NonFiniteNumbers.strip(line));
        assertTrue(!written.contains("NaN") && !written.contains("Infinity")
                || written.contains("\"" + NonFiniteNumbers.FIELD + "\""), written);
        ObjectNode read = NonFiniteNumbers.restore((ObjectNode) JSON.readTree(written));
        assertEquals(JSON.writeValueAsString(original), JSON.writeValueAsString(read));
    }

    @Property(tries = 50)
    void aFiniteLineIsWrittenAsItIs(@ForAll double loss) throws Exception {
        ObjectNode line = JSON.createObjectNode().put("loss", loss);
        assertEquals(JSON.writeValueAsString(line.deepCopy()), JSON.writeValueAsString(NonFiniteNumbers.strip(line)));
    }
}
