package org.cpt4j.plugin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problems;

/**
 * A factory whose parameters are a record: the spec's parameters are laid over the defaults and converted to
 * the record (whose constructor validates them), then {@code create} builds the component from it. A record
 * component that is itself a record is a nested object: the spec gives only the fields it changes (e.g. SDPO's
 * {@code "grpo": {"clipHigh": 0.28}}), and its problems are reported under its name ({@code objective.grpo.clipHigh}).
 *
 * @param <C> the parameter record
 * @param <T> what it creates
 */
public final class RecordComponentFactory<C extends Record, T> implements ComponentFactory<T> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final String id;
    private final String kind;
    private final Class<C> type;
    private final Map<String, Object> defaults;
    private final Function<C, T> create;

    /**
     * @param id the component's id
     * @param kind the component's kind, the root of problem paths (e.g. {@code objective})
     * @param defaults the parameter record with every default
     * @param create builds the component from valid parameters
     */
    @SuppressWarnings("unchecked")
    public RecordComponentFactory(String id, ComponentKind<?> kind, C defaults, Function<C, T> create) {
        this.id = id;
        this.kind = kind.name();
        this.type = (Class<C>) defaults.getClass();
        this.defaults = parametersOf(defaults);
        this.create = create;
    }

    /** @return the record's components as JSON values by name (enums as their names), nested records sorted too */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parametersOf(Record parameters) {
        return sorted(JSON.convertValue(parameters, Map.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, Object> values) {
        Map<String, Object> sorted = new TreeMap<>();
        values.forEach((name, value) -> sorted.put(name, value instanceof Map<?, ?> nested
                ? sorted((Map<String, Object>) nested) : value));
        return sorted;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Map<String, Object> defaults() {
        return defaults;
    }

    @Override
    public T create(Map<String, Object> parameters) {
        Problems problems = new Problems(kind);
        Map<String, Object> merged = merge(defaults, parameters, "", problems);
        problems.throwIfAny("parameters of '" + id + "'");
        C config;
        try {
            config = JSON.convertValue(merged, type);
        } catch (IllegalArgumentException e) {
            String nested = "";
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonMappingException mapping && nested.isEmpty()) {
                    nested = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                            .filter(name -> name != null).map(name -> "." + name).collect(Collectors.joining());
                }
                if (cause instanceof InvalidSpecException invalid) {
                    if (nested.isEmpty()) {
                        throw invalid;
                    }
                    // a nested record's constructor names its fields from the kind: re-root them at its name
                    new Problems("").include(kind + nested, invalid).throwIfAny("parameters of '" + id + "'");
                }
            }
            problems.add("", "cannot be read as the parameters of '" + id + "': " + e.getMessage());
            problems.throwIfAny("parameters of '" + id + "'");
            throw e;
        }
        return create.apply(config);
    }

    /**
     * @return {@code given} laid over {@code defaults}, nested objects field by field; records each name that is
     *     not a parameter (path {@code prefix + name})
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> given, String prefix,
                                      Problems problems) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        given.forEach((name, value) -> {
            Object fallback = defaults.get(name);
            if (!defaults.containsKey(name)) {
                problems.add(prefix + name, "is not a parameter of '" + id + "'; its parameters"
                        + (prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1)) + " are "
                        + new TreeSet<>(defaults.keySet()));
            } else if (fallback instanceof Map<?, ?> nestedDefaults && value instanceof Map<?, ?> nestedGiven) {
                merged.put(name, merge((Map<String, Object>) nestedDefaults, (Map<String, Object>) nestedGiven,
                        prefix + name + ".", problems));
            } else {
                merged.put(name, value);
            }
        });
        return merged;
    }
}
