package org.cpt4j.experiment;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plugin component by id with its parameters, e.g. {@code {"id": "ema", "parameters": {"rate": 0.05}}}.
 * Parameters are JSON values (numbers, strings, booleans, lists, maps); the plugin that owns the id turns them
 * into its typed configuration and validates them. Numbers are kept as {@code Long} (integral) or
 * {@code Double}, so a spec equals itself read back from JSON.
 *
 * @param id the plugin's stable id
 * @param parameters parameter values by name (sorted, unmodifiable)
 */
public record ComponentSpec(String id, Map<String, Object> parameters) {

    public ComponentSpec {
        TreeMap<String, Object> normalised = new TreeMap<>();
        parameters.forEach((name, value) -> normalised.put(name, normalise(value)));
        parameters = Collections.unmodifiableMap(normalised);
    }

    private static Object normalise(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> nested = new TreeMap<>();
            map.forEach((key, inner) -> nested.put(String.valueOf(key), normalise(inner)));
            return Collections.unmodifiableMap(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ComponentSpec::normalise).toList();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    /** @return a component with no parameters (the plugin's defaults) */
    public static ComponentSpec of(String id) {
        return new ComponentSpec(id, Map.of());
    }

    /** @return a component with the given parameters */
    public static ComponentSpec of(String id, Map<String, Object> parameters) {
        return new ComponentSpec(id, parameters);
    }
}
