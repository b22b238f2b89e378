package org.cpt4j.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Experiment specs as JSON: {@link #toJson} / {@link #fromJson}, and files written atomically.
 *
 * <p>Reading converts each part of the spec on its own (the base model, each optimizer and sampling
 * configuration, each training block, then the whole), so that a file with several mistakes gets all of them
 * reported at once, each with its path ({@code base.model.width: ...}, {@code arms[1].name: ...}). Unknown
 * fields are errors, which catches misspelt options.
 */
public final class ExperimentSpecFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ExperimentSpecFile() {
    }

    /** @return the spec as indented JSON */
    public static String toJson(ExperimentSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an experiment spec could not be written as JSON", e);
        }
    }

    /** Writes the spec to {@code file}, atomically. */
    public static void write(Path file, ExperimentSpec spec) throws IOException {
        byte[] bytes = toJson(spec).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * @return the spec in {@code file}
     * @throws InvalidSpecException listing every problem with its path (the file name is in the message)
     */
    public static ExperimentSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no experiment spec at " + file);
        }
        return fromJson(Files.readString(file), file.toString());
    }

    /**
     * @param source where the JSON came from, for messages
     * @return the spec in {@code json}
     * @throws InvalidSpecException listing every problem with its path
     */
    public static ExperimentSpec fromJson(String json, String source) {
        Problems problems = new Problems("");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add("", "is not JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
            problems.throwIfAny("experiment spec " + source);
            throw new IllegalStateException(e);
        }
        if (!(root instanceof ObjectNode object)) {
            problems.add("", "must be a JSON object");
            problems.throwIfAny("experiment spec " + source);
            throw new IllegalStateException();
        }
        ObjectNode tree = object.deepCopy();
        part(problems, tree, "base", PretrainSpec.class,
                List.of(new Nested("model", ModelConfig.class), new Nested("optimizer", OptimizerConfig.class)));
        part(problems, tree, "training", TrainingSpec.class, trainingParts());
        JsonNode arms = tree.path("arms");
        for (int i = 0; i < arms.size(); i++) {
            if (arms.get(i) instanceof ObjectNode arm && arm.hasNonNull("training")) {
                part(problems, arm, "arms[" + i + "].training", "training", TrainingSpec.class, trainingParts());
            }
        }
        if (!problems.isEmpty()) {
            // A part that could not be built reported its problems; check the structure of the rest.
            structuralProblems(problems, tree);
            problems.throwIfAny("experiment spec " + source);
        }
        try {
            return JSON.treeToValue(tree, ExperimentSpec.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InvalidSpecException invalid) {
                // the experiment's own checks, with paths from the root already
                throw new InvalidSpecException("experiment spec " + source, invalid.problems());
            }
            problems.add(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            problems.add("", e.getOriginalMessage());
        }
        problems.throwIfAny("experiment spec " + source);
        throw new IllegalStateException("unreachable");
    }

    private record Nested(String field, Class<?> type) {
    }

    private static List<Nested> trainingParts() {
        return List.of(new Nested("sampling", SamplingConfig.class), new Nested("optimizer", OptimizerConfig.class));
    }

    private static void part(Problems problems, ObjectNode tree, String field, Class<?> type, List<Nested> nested) {
        part(problems, tree, field, field, type, nested);
    }

    /**
     * Converts {@code tree.field} (reported at {@code path}) to {@code type}, converting the nested parts first so
     * that each reports its own problems; a part that fails records at least one problem.
     */
    private static void part(Problems problems, ObjectNode tree, String path, String field, Class<?> type,
                             List<Nested> nested) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            problems.add(path, "is missing");
            return;
        }
        boolean nestedOk = true;
        for (Nested part : nested) {
            JsonNode child = node.get(part.field());
            if (child != null && !child.isNull()) {
                nestedOk &= convert(problems, child, path + "." + part.field(), part.type()) != null;
            }
        }
        if (nestedOk) {
            convert(problems, node, path, type);
        }
    }

    private static <T> @Nullable T convert(Problems problems, JsonNode node, String path, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InvalidSpecException invalid) {
                problems.include(path, invalid);
            } else {
                String inner = path(e);
                problems.add(inner.isEmpty() ? path : path + "." + inner, e.getOriginalMessage());
            }
        } catch (JsonProcessingException e) {
            problems.add(path, e.getOriginalMessage());
        }
        return null;
    }

    /** Structural checks on a tree whose parts did not all convert: names, stages, arms. */
    private static void structuralProblems(Problems problems, ObjectNode tree) {
        try {
            CurriculumSpec curriculum = JSON.treeToValue(tree.path("curriculum"), CurriculumSpec.class);
            List<ArmSpec> arms = new ArrayList<>();
            for (JsonNode arm : tree.path("arms")) {
                ObjectNode copy = ((ObjectNode) arm).deepCopy();
                copy.remove("training");
                arms.add(JSON.treeToValue(copy, ArmSpec.class));
            }
            ExperimentSpec.check(problems, tree.path("format").asText(), tree.path("version").asInt(),
                    tree.path("name").asText(), curriculum, null, arms);
        } catch (JsonProcessingException | RuntimeException e) {
            // the remaining structure is malformed too; the problems found so far stand
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
