package org.cpt4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problem;
import org.cpt4j.spec.Problems;
import org.cpt4j.spec.Suggestions;
import org.jspecify.annotations.Nullable;

/**
 * Reads the records of a spec from a JSON tree against their own components, so that one pass finds every problem of
 * a file, each at its path: an unknown field (with the known one it most likely meant), a missing one, a value of
 * the wrong JSON type, and what each record's constructor checks. Nothing is coerced: a string is no number, 1.5 no
 * integer, a number no string, and a number past a double's range no number. A field left out takes its {@link SpecDefaults default}; a nullable one is null.
 */
final class SpecReader {

    /** What a value that could not be read reads as; its problems are recorded. */
    static final Object FAILED = new Object();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Problems problems;

    SpecReader(Problems problems) {
        this.problems = problems;
    }

    /** The components of one record as read, in order; a component that could not be read is {@link #FAILED}. */
    record Parts(Class<?> type, Object[] values, ObjectNode defaults) {

        boolean complete() {
            return Arrays.stream(values).noneMatch(value -> value == FAILED || value instanceof Provisional);
        }

        /** @return the component {@code name}, or null when it is null or could not be read */
        @Nullable Object get(String name) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(name)) {
                    return values[i] instanceof Provisional provisional ? provisional.value()
                            : values[i] == FAILED ? null : values[i];
                }
            }
            throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
        }
    }

    /**
     * @return the value of {@code type} that {@code node} holds, or {@link #FAILED} after recording why, or a
     *     {@link Provisional} one when a part of it could not be read but had a default to check the rest with
     */
    Object value(JsonNode node, Type type, String path) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw == List.class) {
                return list(node, parameterized.getActualTypeArguments()[0], path);
            }
            if (raw == Map.class) {
                if (!node.isObject()) {
                    return fail(path, "must be an object", node);
                }
                return finite(node, path) ? JSON.convertValue(node, Map.class) : FAILED;
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            if (!(node instanceof ObjectNode object)) {
                return fail(path, "must be an object", node);
            }
            return construct(parts(object, raw, path), path);
        }
        return scalar(node, raw, path);
    }

    /**
     * @return the components of {@code type} in {@code object}, each left-out one taking its default, after recording
     *     every unknown field and every component that could not be read
     */
    Parts parts(ObjectNode object, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> known = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String suggestion = Suggestions.didYouMean(name, known);
                problems.add(join(path, name), "unknown field" + (suggestion.isEmpty()
                        ? "; the fields here are " + String.join(", ", known) : suggestion));
            }
        }
        ObjectNode defaults = SpecDefaults.of(type, object);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String at = join(path, component.getName());
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            JsonNode given = object.get(component.getName());
            JsonNode node = given != null ? given : defaults.get(component.getName());
            if (node == null || node.isNull()) {
                values[i] = nullable ? null : fail(at, given != null && defaults.has(component.getName())
                        ? "must not be null; leave it out for its default" : given != null ? "must not be null"
                        : "is missing (it has no default)");
            } else {
                values[i] = value(node, component.getGenericType(), at);
            }
        }
        return new Parts(type, values, defaults);
    }

    /**
     * @return the record of {@code parts}; when a part could not be read, a {@link Provisional} one with that part's
     *     default in its place, so that its own checks still run (their problems about a stand-in are dropped), or
     *     {@link #FAILED} when a part has no default or the record's checks failed
     */
    Object construct(Parts parts, String path) {
        RecordComponent[] components = parts.type().getRecordComponents();
        Object[] values = parts.values().clone();
        List<String> standIns = new ArrayList<>();
        boolean provisional = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Provisional value) {
                values[i] = value.value();
                provisional = true;
            } else if (values[i] == FAILED) {
                String at = join(path, components[i].getName());
                values[i] = standIn(parts, components[i], at);
                if (values[i] == FAILED) {
                    return FAILED;
                }
                standIns.add(at);
                provisional = true;
            }
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Object built = parts.type().getDeclaredConstructor(types).newInstance(values);
            return provisional ? new Provisional(built) : built;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidSpecException invalid) {
                include(path, invalid, standIns);
                return FAILED;
            }
            throw new IllegalStateException(parts.type().getSimpleName() + " could not be built at " + path,
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(parts.type().getSimpleName() + " has no usable canonical constructor", e);
        }
    }

    /**
     * A record built with a default standing in for a part that could not be read: its parent can run its own checks
     * with it, but it is no result.
     */
    record Provisional(Object value) {
    }

    /** @return the default of {@code component}, read quietly, or {@link #FAILED} when it has none */
    private static Object standIn(Parts parts, RecordComponent component, String path) {
        if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
            return null;
        }
        JsonNode fallback = parts.defaults().get(component.getName());
        if (fallback == null || fallback.isNull()) {
            return FAILED;
        }
        Object value = new SpecReader(new Problems("")).value(fallback, component.getGenericType(), path);
        return value instanceof Provisional ? FAILED : value;
    }

    /**
     * Records {@code invalid}'s problems at {@code path}, but for those about a part a default stood in for; a record
     * read at the root reports paths from the root.
     */
    private void include(String path, InvalidSpecException invalid, List<String> standIns) {
        Problems own = new Problems("");
        if (path.isEmpty()) {
            invalid.problems().forEach((Problem problem) -> own.add(problem.path(), problem.message()));
        } else {
            own.include(path, invalid);
        }
        for (Problem problem : own.list()) {
            if (standIns.stream().noneMatch(standIn -> problem.path().equals(standIn)
                    || problem.path().startsWith(standIn + ".") || problem.path().startsWith(standIn + "["))) {
                problems.add(problem.path(), problem.message());
            }
        }
    }

    private Object list(JsonNode node, Type element, String path) {
        if (!node.isArray()) {
            return fail(path, "must be a list", node);
        }
        List<Object> values = new ArrayList<>();
        boolean failed = false;
        boolean provisional = false;
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            Object value = node.get(i).isNull() ? fail(at, "must not be null") : value(node.get(i), element, at);
            failed |= value == FAILED;
            if (value instanceof Provisional standIn) {
                provisional = true;
                value = standIn.value();
            }
            values.add(value);
        }
        return failed ? FAILED : provisional ? new Provisional(List.copyOf(values)) : values;
    }

    private Object scalar(JsonNode node, Class<?> type, String path) {
        if (type == int.class || type == Integer.class) {
            return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue()
                    : fail(path, node.isIntegralNumber() ? "must be an integer within " + Integer.MIN_VALUE + " .. "
                    + Integer.MAX_VALUE : "must be an integer", node);
        }
        if (type == long.class || type == Long.class) {
            return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue()
                    : fail(path, node.isIntegralNumber() ? "must be an integer within " + Long.MIN_VALUE + " .. "
                    + Long.MAX_VALUE : "must be an integer", node);
        }
        if (type == double.class || type == Double.class) {
            return !node.isNumber() ? fail(path, "must be a number", node)
                    : finite(node, path) ? node.doubleValue() : FAILED;
        }
        if (type == boolean.class || type == Boolean.class) {
            return node.isBoolean() ? node.booleanValue() : fail(path, "must be true or false", node);
        }
        if (type == String.class) {
            return node.isTextual() ? node.textValue() : fail(path, "must be a string", node);
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .toList();
            if (node.isTextual() && names.contains(node.textValue())) {
                return type.getEnumConstants()[names.indexOf(node.textValue())];
            }
            return fail(path, "must be one of " + String.join(", ", names)
                    + (node.isTextual() ? Suggestions.didYouMean(node.textValue(), names) : ""), node);
        }
        throw new IllegalStateException("a spec component of type " + type + " has no JSON reading");
    }

    /**
     * @return whether every number in {@code node} is a finite double, after recording each one that is not: JSON has
     *     no NaN or infinity, but a number past a double's range ({@code 1e400}) reads as infinite
     */
    private boolean finite(JsonNode node, String path) {
        boolean finite = true;
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            fail(path, "must be a finite number, was " + node.doubleValue() + " (past a double's range, ±"
                    + Double.MAX_VALUE + ")");
            finite = false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            finite &= finite(field.getValue(), join(path, field.getKey()));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                finite &= finite(node.get(i), path + "[" + i + "]");
            }
        }
        return finite;
    }

    private Object fail(String path, String message, JsonNode node) {
        return fail(path, message + ", was " + describe(node));
    }

    private Object fail(String path, String message) {
        problems.add(path, message);
        return FAILED;
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string " + node;
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
