package org.cpt4j.plugin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problem;
import org.cpt4j.spec.Problems;
import org.cpt4j.spec.Suggestions;

/**
 * One component, declared once: its kind, its id, its parameter record (whose constructor validates every field and
 * whose instance here holds every default) and the factory that builds the component from valid parameters. A
 * plugin lists its declarations in {@link Cpt4jPlugin#components()}; the engine creates components from a spec's
 * parameters laid over the defaults, and a typed factory for the DSL builds its spec with {@link #spec(Record)},
 * which writes every parameter, so that a spec built from code does not change meaning when a default does.
 *
 * <pre>{@code
 * public record Budget(int tokens) { ... validates tokens >= 1 ... }
 *
 * public static final Component<Budget, RewardModel> BREVITY =
 *         Component.of(ComponentKind.REWARD, "brevity", new Budget(8), budget -> brevity(budget.tokens()));
 *
 * public static ComponentSpec brevity(int tokens) {
 *     return BREVITY.spec(new Budget(tokens));   // {"id": "brevity", "parameters": {"tokens": 6}}
 * }
 * }</pre>
 *
 * <p>A record component of the parameter record that is itself a record is a nested object: a spec gives only the
 * fields it changes (SDPO's {@code "grpo": {"clipHigh": 0.28}}), and its problems are reported under its name
 * ({@code objective.grpo.clipHigh}).
 *
 * @param <P> the parameter record
 * @param <T> what it creates
 */
public final class Component<P extends Record, T> {

    /** Strict as spec files are: no string is read as a number or a flag, no fraction as an integer. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final ComponentKind<T> kind;
    private final String id;
    private final P defaults;
    private final Map<String, Object> defaultValues;
    private final Function<? super P, ? extends T> factory;

    private Component(ComponentKind<T> kind, String id, P defaults, Function<? super P, ? extends T> factory) {
        if (id.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " needs an id that is not blank");
        }
        this.kind = kind;
        this.id = id;
        this.defaults = defaults;
        this.defaultValues = valuesOf(defaults);
        this.factory = factory;
    }

    /**
     * @param kind what it is (e.g. {@link ComponentKind#REWARD})
     * @param id its stable id within the kind, as specs name it
     * @param defaults the parameter record with every default
     * @param factory builds the component from valid parameters
     * @return the declaration
     */
    public static <P extends Record, T> Component<P, T> of(ComponentKind<T> kind, String id, P defaults,
                                                           Function<? super P, ? extends T> factory) {
        return new Component<>(kind, id, defaults, factory);
    }

    /** @return the declaration of a component without parameters; {@code factory} is called for each spec naming it */
    public static <T> Component<NoParameters, T> of(ComponentKind<T> kind, String id, Supplier<? extends T> factory) {
        return new Component<>(kind, id, new NoParameters(), none -> factory.get());
    }

    /** @return its kind */
    public ComponentKind<T> kind() {
        return kind;
    }

    /** @return its id within its kind */
    public String id() {
        return id;
    }

    /** @return the parameter record with every default */
    public P defaults() {
        return defaults;
    }

    /** @return every parameter with its default, as a spec writes them (JSON values, nested records as maps) */
    public Map<String, Object> defaultValues() {
        return defaultValues;
    }

    /** @return the spec of this component with its defaults, every parameter written */
    public ComponentSpec spec() {
        return spec(defaults);
    }

    /** @return the spec of this component with {@code parameters}, every parameter written */
    public ComponentSpec spec(P parameters) {
        return ComponentSpec.of(id, valuesOf(parameters));
    }

    /**
     * @param given a spec's parameters; missing ones take their defaults, nested records field by field
     * @return the parameter record they make
     * @throws InvalidSpecException listing every unknown parameter (with the known ones) and every invalid value,
     *     paths rooted at the kind (e.g. {@code objective.grpo.clipHigh})
     */
    public P parameters(Map<String, Object> given) {
        Problems problems = new Problems(kind.name());
        Map<String, Object> merged = merge(defaultValues, given, "", problems);
        @SuppressWarnings("unchecked")
        Class<P> type = (Class<P>) defaults.getClass();
        P parameters;
        try {
            parameters = JSON.convertValue(merged, type);
        } catch (IllegalArgumentException e) {
            // the known parameters' own problems, beside every unknown name
            List<Problem> all = new ArrayList<>(problems.list());
            all.addAll(readingProblems(e).problems());
            throw new InvalidSpecException("parameters of '" + id + "'", all);
        }
        problems.throwIfAny("parameters of '" + id + "'");
        return parameters;
    }

    /**
     * @return the spec of this component with {@code given} laid over the defaults: every parameter written
     * @throws InvalidSpecException as {@link #parameters} does
     */
    public ComponentSpec explicit(Map<String, Object> given) {
        return spec(parameters(given));
    }

    /**
     * @return the component of a spec's parameters, laid over the defaults
     * @throws InvalidSpecException as {@link #parameters} does
     */
    public T create(Map<String, Object> given) {
        return create(parameters(given));
    }

    /** @return the component of {@code parameters} */
    public T create(P parameters) {
        return Objects.requireNonNull(factory.apply(parameters), () -> kind + " '" + id + "' created null");
    }

    @Override
    public String toString() {
        return kind + " '" + id + "'";
    }

    /** @return the record's components as JSON values by name (enums as their names), nested records sorted too */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> valuesOf(Record parameters) {
        return Collections.unmodifiableMap(sorted(JSON.convertValue(parameters, Map.class)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, Object> values) {
        Map<String, Object> sorted = new TreeMap<>();
        values.forEach((name, value) -> sorted.put(name, value instanceof Map<?, ?> nested
                ? sorted((Map<String, Object>) nested) : value));
        return sorted;
    }

    /** @return why the merged values cannot be the record: its constructor's problems, re-rooted when nested */
    private InvalidSpecException readingProblems(IllegalArgumentException e) {
        String nested = "";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping && nested.isEmpty()) {
                nested = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                        .filter(Objects::nonNull).map(name -> "." + name).collect(Collectors.joining());
            }
            if (cause instanceof InvalidSpecException invalid) {
                if (nested.isEmpty()) {
                    return invalid;
                }
                // a nested record's constructor names its fields from the kind: re-root them at its name
                return problemsOf(new Problems("").include(kind + nested, invalid));
            }
        }
        String reason;
        if (e.getCause() instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            reason = "must be one of " + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", ")) + ", was \""
                    + invalid.getValue() + "\"";
        } else if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            reason = "must be " + typeName(mismatch.getTargetType()) + ": " + mismatch.getOriginalMessage();
        } else {
            reason = "cannot be read as the parameters of '" + id + "': " + e.getMessage();
        }
        return problemsOf(new Problems("").add(kind.name() + nested, reason));
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type == String.class ? "a string" : "a " + type.getSimpleName();
    }

    private InvalidSpecException problemsOf(Problems problems) {
        return new InvalidSpecException("parameters of '" + id + "'", problems.list());
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
                String known = (prefix.isEmpty() ? "parameters" : "parameters under "
                        + prefix.substring(0, prefix.length() - 1)) + " are " + new TreeSet<>(defaults.keySet());
                problems.add(prefix + name, "is not a parameter of '" + id + "'" + Suggestions.closest(name,
                        defaults.keySet()).map(near -> "; did you mean '" + near + "'? Its " + known)
                        .orElse("; its " + known));
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
