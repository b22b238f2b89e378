package org.cpt4j.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON has no NaN or infinity. A run's line that holds one (a loss that diverged, say) writes {@code null} in its place
 * and names it under {@code "nonFinite"} by its path ({@code {"loss": "NaN", "diagnostics.kl": "Infinity",
 * "groups[0].measures.backwardTransfer.perSeed[1]": "NaN"}}), so that every
 * number in the file is a number, and reading the line back gives the same values.
 */
public final class NonFiniteNumbers {

    /** The field that names a line's values that are not finite, by their dotted path. */
    public static final String FIELD = "nonFinite";

    private NonFiniteNumbers() {
    }

    /** Replaces every value of {@code line} that is not finite by null, naming it under {@link #FIELD}. */
    public static ObjectNode strip(ObjectNode line) {
        ObjectNode named = line.objectNode();
        strip(line, "", named);
        if (!named.isEmpty()) {
            line.set(FIELD, named);
        }
        return line;
    }

    private static void strip(ObjectNode node, String prefix, ObjectNode named) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        for (Map.Entry<String, JsonNode> field : fields) {
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value instanceof ObjectNode object) {
                strip(object, path + ".", named);
            } else if (value instanceof ArrayNode array) {
                strip(array, path, named);
            } else if (notFinite(value)) {
                named.put(path, Double.toString(value.doubleValue()));
                node.set(field.getKey(), NullNode.getInstance());
            }
        }
    }

    private static void strip(ArrayNode array, String path, ObjectNode named) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i);
            if (value instanceof ObjectNode object) {
                strip(object, path + "[" + i + "].", named);
            } else if (value instanceof ArrayNode nested) {
                strip(nested, path + "[" + i + "]", named);
            } else if (notFinite(value)) {
                named.put(path + "[" + i + "]", Double.toString(value.doubleValue()));
                array.set(i, NullNode.getInstance());
            }
        }
    }

    private static boolean notFinite(JsonNode value) {
        return value.isNumber() && !Double.isFinite(value.doubleValue());
    }

    /**
     * @return {@code line} with the values named under {@link #FIELD} put back, and that field removed (paths through
     *     objects, as the logs' lines have; a path into a list is left null)
     */
    public static ObjectNode restore(ObjectNode line) {
        JsonNode named = line.remove(FIELD);
        if (named != null) {
            named.fields().forEachRemaining(entry -> {
                String[] path = entry.getKey().split("\\.");
                ObjectNode parent = line;
                for (int i = 0; i < path.length - 1 && parent != null; i++) {
                    parent = parent.get(path[i]) instanceof ObjectNode child ? child : null;
                }
                if (parent != null) {
                    parent.set(path[path.length - 1], DoubleNode.valueOf(Double.parseDouble(entry.getValue().asText())));
                }
            });
        }
        return line;
    }
}
