package org.cpt4j.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.spec.InvalidInputException;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.spec.Problems;

/**
 * Experiment specs as JSON: {@link #toJson} / {@link #fromJson}, and files written atomically.
 *
 * <p>Reading is strict and finds every problem of a file in one pass, each with its path
 * ({@code base.model.width: ...}, {@code arms[1].name: ...}): an unknown field, with the known one it most likely
 * meant; a value of the wrong type (nothing is coerced: {@code "8"} is no number, {@code 1.5} no integer); a duplicate
 * key or anything after the spec's object; and each part's own checks. Every field but the experiment's name, its
 * curriculum's stages (each a domain) and its arms (each a name and an objective's id) may be left out and takes the
 * DSL's default ({@link SpecDefaults}). A {@code "$schema"} key, where editors look for the schema
 * ({@link ExperimentSchema}), is allowed. Version-1 files are upgraded as they are read.
 */
public final class ExperimentSpecFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** The key an editor reads a JSON file's schema from; a spec may carry it. */
    public static final String SCHEMA_KEY = "$schema";

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
     * @throws InvalidInputException when there is no file at {@code file}
     */
    public static ExperimentSpec read(Path file) throws IOException {
        return read(file, List.of());
    }

    /**
     * @param overrides fields to set before the file is read, each {@code key.path=value} (e.g.
     *     {@code training.groupSize=4}, {@code arms.sdpo.teacher.id=ema}; the value is JSON, or else a string)
     * @return the spec in {@code file} with {@code overrides} applied in order
     * @throws InvalidSpecException listing every problem of the file and the overrides with its path
     * @throws InvalidInputException when there is no file at {@code file}, or it is not UTF-8 text
     */
    public static ExperimentSpec read(Path file, List<String> overrides) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no experiment spec at " + file + " (give the path of a spec file, JSON)");
        }
        String json;
        try {
            json = Files.readString(file);
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidInputException("experiment spec " + file + " is not UTF-8 text (" + notUtf8 + "); save it "
                    + "as UTF-8, as JSON files are", notUtf8);
        }
        return fromJson(json, file.toString(), overrides);
    }

    /**
     * @param source where the JSON came from, for messages
     * @return the spec in {@code json}
     * @throws InvalidSpecException listing every problem with its path
     */
    public static ExperimentSpec fromJson(String json, String source) {
        return fromJson(json, source, List.of());
    }

    /**
     * @param source where the JSON came from, for messages
     * @param overrides as {@link #read(Path, List)} takes them
     * @return the spec in {@code json} with {@code overrides} applied
     * @throws InvalidSpecException listing every problem with its path
     */
    public static ExperimentSpec fromJson(String json, String source, List<String> overrides) {
        String what = describe(source, overrides);
        Problems problems = new Problems("");
        ObjectNode tree = parse(json, problems);
        problems.throwIfAny(what);
        if (tree.path("version").asInt() == 1 && FORMAT_NAME.equals(tree.path("format").asText())) {
            upgradeFromVersion1(tree, problems);
        }
        SpecOverrides.apply(tree, overrides, problems);
        JsonNode schema = tree.remove(SCHEMA_KEY);
        problems.require(schema == null || schema.isTextual(), SCHEMA_KEY,
                "must be a string, the schema's location, e.g. \"https://cpt4j.org/schema/experiment-v"
                        + ExperimentSpec.VERSION + ".json\"");
        SpecDefaults.inheritSeed(tree);
        SpecReader reader = new SpecReader(problems);
        Object spec = reader.construct(reader.parts(tree, ExperimentSpec.class, ""), "");
        problems.throwIfAny(what);
        return (ExperimentSpec) spec;
    }

    /**
     * @return how messages name a spec read from {@code source} with {@code overrides} ({@code experiment spec
     *     runs.json with the overrides training.groupSize=4}), for the problems found in it later, by the plugins
     */
    public static String describe(String source, List<String> overrides) {
        return "experiment spec " + source + (overrides.isEmpty() ? "" : " with the overrides "
                + String.join(", ", overrides));
    }

    /** @return the JSON object in {@code json}, or an empty one after recording why it is none */
    private static ObjectNode parse(String json, Problems problems) {
        try {
            JsonNode root = STRICT.readTree(json);
            if (root instanceof ObjectNode object) {
                return object;
            }
            problems.add("", root.isMissingNode() ? "is empty; a spec is a JSON object" : "must be a JSON object");
        } catch (JsonProcessingException e) {
            problems.add("", "is not JSON: " + e.getOriginalMessage() + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        return JSON.createObjectNode();
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
}
