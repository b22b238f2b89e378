package org.cpt4j.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Schema (draft 2020-12) of experiment spec files, derived from the {@link ExperimentSpec} records
 * themselves: every record is a definition, every component a property with its default ({@link SpecDefaults}),
 * required when it has none and is not {@link Nullable}; no other properties allowed but {@code "$schema"} at the
 * root. {@code docs/experiment-schema.json} is this schema; a test keeps them equal.
 */
public final class ExperimentSchema {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentSchema() {
    }

    /** @return the schema as indented JSON */
    public static String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://cpt4j.org/schema/experiment-v" + ExperimentSpec.VERSION + ".json");
        root.put("title", "cpt4j experiment spec, version " + ExperimentSpec.VERSION);
        root.put("$ref", "#/$defs/" + ExperimentSpec.class.getSimpleName());
        ObjectNode definitions = root.putObject("$defs");
        define(ExperimentSpec.class, definitions);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void define(Class<?> record, ObjectNode definitions) {
        if (definitions.has(record.getSimpleName())) {
            return;
        }
        ObjectNode definition = definitions.putObject(record.getSimpleName());
        definition.put("type", "object");
        definition.put("additionalProperties", false);
        ObjectNode properties = definition.putObject("properties");
        if (record == ExperimentSpec.class) {
            properties.putObject(ExperimentSpecFile.SCHEMA_KEY).put("type", "string")
                    .put("description", "where editors find this schema");
        }
        ArrayNode required = definition.putArray("required");
        ObjectNode defaults = SpecDefaults.of(record, JSON.createObjectNode());
        for (RecordComponent component : record.getRecordComponents()) {
            AnnotatedType annotated = component.getAnnotatedType();
            boolean nullable = annotated.isAnnotationPresent(Nullable.class);
            ObjectNode property = type(component.getGenericType(), definitions);
            if (nullable) {
                ObjectNode either = JSON.createObjectNode();
                either.putArray("anyOf").add(property).add(JSON.createObjectNode().put("type", "null"));
                either.putNull("default");
                properties.set(component.getName(), either);
            } else {
                properties.set(component.getName(), property);
                if (defaults.has(component.getName())) {
                    property.set("default", defaults.get(component.getName()));
                } else {
                    required.add(component.getName());
                }
            }
        }
    }

    private static ObjectNode type(Type type, ObjectNode definitions) {
        ObjectNode node = JSON.createObjectNode();
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                node.put("type", "array");
                node.set("items", type(parameterized.getActualTypeArguments()[0], definitions));
                return node;
            }
            if (Map.class.isAssignableFrom(raw)) {
                node.put("type", "object");
                node.put("description", "JSON values by name (the component's parameters)");
                return node;
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            node.put("type", "integer");
        } else if (raw == double.class || raw == float.class || raw == Double.class) {
            node.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            node.put("type", "boolean");
        } else if (raw == String.class) {
            node.put("type", "string");
        } else if (raw.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (raw.isRecord()) {
            define(raw, definitions);
            node.put("$ref", "#/$defs/" + raw.getSimpleName());
        } else {
            throw new IllegalStateException("no JSON Schema type for " + type);
        }
        return node;
    }
}
