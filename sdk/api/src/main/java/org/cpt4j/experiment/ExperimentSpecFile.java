package org.cpt4j.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.evaluation.EvaluationSampling;
import org.cpt4j.evaluation.EvaluationSpec;
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
 * fields are errors, which catches misspelt options. Version-1 files are upgraded as they are read.
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
        if (tree.path("version").asInt() == 1 && FORMAT_NAME.equals(tree.path("format").asText())) {
            upgradeFromVersion1(tree, problems);
        }
        part(problems, tree, "base", PretrainSpec.class,
                List.of(new Nested("model", ModelConfig.class), new Nested("optimizer", OptimizerConfig.class)));
        part(problems, tree, "training", TrainingSpec.class, trainingParts());
        part(problems, tree, "evaluation", EvaluationSpec.class,
                List.of(new Nested("sampling", EvaluationSampling.class)));
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

    private static final String FORMAT_NAME = ExperimentSpec.FORMAT;

    /**
     * Makes a version-1 tree a version-2 one, meaning what version 1 ran: its evaluation block is what the runner of
     * version 1 used (stage ends only, {@code training.evaluationPrompts} tasks, 32 new tokens, greedy, the
     * experiment's seed), and its collapse detectors only record. A per-arm {@code evaluationPrompts} other than the
     * experiment's has no version-2 form and is a problem at its path.
     */
    private static void upgradeFromVersion1(ObjectNode tree, Problems problems) {
        JsonNode prompts = tree.path("training").path("evaluationPrompts");
        ObjectNode evaluation = JSON.createObjectNode();
        evaluation.put("everySteps", 0);
        evaluation.set("prompts", prompts.isMissingNode() ? JSON.getNodeFactory().numberNode(EvaluationSpec.DEFAULT_PROMPTS)
                : prompts);
        evaluation.put("maxNewTokens", VERSION_1_MAX_NEW_TOKENS);
        evaluation.putObject("sampling").put("temperature", 0.0).put("samples", 1);
        evaluation.set("seed", tree.path("seed"));
        if (tree.get("training") instanceof ObjectNode training) {
            training.remove("evaluationPrompts");
        }
        JsonNode arms = tree.path("arms");
        for (int i = 0; i < arms.size(); i++) {
            if (arms.get(i).get("training") instanceof ObjectNode armTraining && armTraining.has("evaluationPrompts")) {
                JsonNode own = armTraining.remove("evaluationPrompts");
                problems.require(own.equals(evaluation.get("prompts")), "arms[" + i + "].training.evaluationPrompts",
                        "version 2 evaluates every arm alike (evaluation.prompts); this arm's " + own + " differs from "
                                + "the experiment's " + evaluation.get("prompts"));
            }
        }
        ArrayNode rules = JSON.createArrayNode();
        for (JsonNode detector : tree.path("collapse")) {
            ObjectNode rule = rules.addObject();
            rule.set("detector", detector);
            rule.putObject("action").put("kind", "RECORD").putNull("change").put("maxTimes", 0);
        }
        tree.set("collapse", rules);
        tree.set("evaluation", evaluation);
        tree.put("version", ExperimentSpec.VERSION);
    }

    /** What the version-1 runner generated in an evaluation, at most. */
    private static final int VERSION_1_MAX_NEW_TOKENS = 32;

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
