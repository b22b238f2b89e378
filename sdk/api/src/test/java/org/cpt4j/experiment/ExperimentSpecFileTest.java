package org.cpt4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cpt4j.spec.InvalidInputException;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading spec files: strict, every problem in one pass, defaults for what is left out, overrides. */
class ExperimentSpecFileTest {

    /** The smallest spec: a name, a curriculum of one stage, one arm with an objective's id. */
    static final String MINIMAL = """
            {"name": "tiny", "curriculum": {"stages": [{"domain": "add"}]},
             "arms": [{"name": "grpo", "objective": {"id": "grpo"}}]}""";

    private static List<Problem> problems(String json, String... overrides) {
        return assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecFile.fromJson(json, "test.json", List.of(overrides))).problems();
    }

    private static String only(String json, String... overrides) {
        List<Problem> found = problems(json, overrides);
        assertEquals(1, found.size(), found.toString());
        return found.get(0).toString();
    }

    private static String with(String field) {
        return MINIMAL.substring(0, MINIMAL.length() - 1) + ", " + field + "}";
    }

    @Test
    void aMinimalSpecTakesEveryDefault() {
        ExperimentSpec spec = ExperimentSpecFile.fromJson(MINIMAL, "test.json");
        assertEquals(ExperimentSpec.DEFAULT_SEED, spec.seed());
        assertEquals(StageSpec.DEFAULT_STEPS, spec.curriculum().stages().get(0).steps());
        assertEquals(TrainingSpec.defaults(), spec.training());
        assertEquals(ExperimentSpec.DEFAULT_SEED, spec.evaluation().seed(), "the evaluation takes the experiment's seed");
        assertEquals(List.of(), spec.drift());
        assertEquals(ComponentSpec.of("grpo"), spec.arms().get(0).objective());
        assertEquals(spec, ExperimentSpecFile.fromJson(ExperimentSpecFile.toJson(spec), "written"),
                "written out in full, it reads back the same");
    }

    @Test
    void whatHasNoDefaultIsMissingAtItsPath() {
        List<Problem> found = problems("{\"arms\": [{\"objective\": {}}]}");
        assertEquals(List.of("name", "curriculum", "arms[0].name", "arms[0].objective.id"),
                found.stream().map(Problem::path).toList());
        assertTrue(found.get(0).message().startsWith("is missing"), found.toString());
    }

    @Test
    void anUnknownFieldGetsTheClosestKnownOneCaseFirst() {
        assertEquals("training.groupsize: unknown field; did you mean 'groupSize'?",
                only(with("\"training\": {\"groupsize\": 4}")));
        assertEquals("seeed: unknown field; did you mean 'seed'?", only(with("\"seeed\": 3")));
        assertTrue(only(with("\"training\": {\"batch\": 4}"))
                .startsWith("training.batch: unknown field; the fields here are promptsPerStep, groupSize"));
    }

    @Test
    void nothingIsCoerced() {
        assertEquals("seed: must be an integer, was the string \"3\"", only(with("\"seed\": \"3\"")));
        assertEquals("seed: must be an integer, was 1.5", only(with("\"seed\": 1.5")));
        assertEquals("seed: must be an integer within " + Long.MIN_VALUE + " .. " + Long.MAX_VALUE
                + ", was 99999999999999999999", only(with("\"seed\": 99999999999999999999")));
        assertEquals("training.groupSize: must be an integer, was 1.5", only(with("\"training\": {\"groupSize\": 1.5}")));
        assertTrue(only(with("\"training\": {\"groupSize\": 3000000000}"))
                .startsWith("training.groupSize: must be an integer within"));
        assertEquals("name: must be a string, was 5", only(MINIMAL.replace("\"tiny\"", "5")));
        assertEquals("base.model.tiedEmbeddings: must be true or false, was the string \"yes\"",
                only(with("\"base\": {\"model\": {\"tiedEmbeddings\": \"yes\"}}")));
        assertEquals("base.responseStyle: must be one of ANSWER_ONLY, SHORT, LONG; did you mean 'LONG'?, was the "
                + "string \"long\"", only(with("\"base\": {\"responseStyle\": \"long\"}")));
        assertEquals("training.optimizer.learningRate: must be a number, was the string \"1e-3\"",
                only(with("\"training\": {\"optimizer\": {\"learningRate\": \"1e-3\"}}")));
    }

    @Test
    void duplicateKeysAndTrailingTokensAreNotJson() {
        assertTrue(only(MINIMAL.replace("{\"name\": \"tiny\",", "{\"name\": \"tiny\", \"name\": \"other\","))
                .contains("Duplicate field 'name'"));
        assertTrue(only(MINIMAL + " {}").startsWith(": is not JSON"), only(MINIMAL + " {}"));
        assertEquals(": is empty; a spec is a JSON object", only(""));
        assertEquals(": must be a JSON object", only("[1]"));
    }

    @Test
    void nullIsNoDefault() {
        assertEquals("training: must not be null; leave it out for its default", only(with("\"training\": null")));
        assertEquals(null, ExperimentSpecFile.fromJson(MINIMAL.replace("\"objective\"", "\"teacher\": null, \"objective\""),
                "test.json").arms().get(0).teacher(), "a nullable field may be null");
    }

    @Test
    void everyProblemOfEveryPartIsFoundInOnePass() {
        List<Problem> found = problems("""
                {"name": "bad name", "seed": "7",
                 "base": {"model": {"width": 66, "heads": 4, "layer": 2}, "steps": 0},
                 "curriculum": {"stages": [{"domain": "add", "steps": 0}]},
                 "training": {"groupSize": 1, "sampling": {"topP": 2}},
                 "evaluation": {"sampling": {"samples": 4}},
                 "collapse": [{"detector": {"id": "nonFinite"}, "action": {"kind": "STOP", "maxTimes": 2}}],
                 "arms": [{"name": "a", "objective": {"id": "grpo"}, "training": {"promptsPerStep": "8"}},
                          {"name": "a", "objective": {"id": "sdpo"}}]}""");
        assertEquals(List.of("seed", "base.model.layer", "base.model.width", "base.steps", "training.sampling.topP",
                        "evaluation.sampling.temperature", "arms[0].training.promptsPerStep",
                        "collapse[0].action.maxTimes", "name", "curriculum.stages[0].steps", "training.groupSize",
                        "arms[1].name"),
                found.stream().map(Problem::path).toList(), found.toString());
    }

    @Test
    void theSchemaKeyIsAllowedAsAString() {
        ExperimentSpec spec = ExperimentSpecFile.fromJson(with("\"$schema\": \"../docs/experiment-schema.json\""), "f");
        assertEquals(ExperimentSpecFile.fromJson(MINIMAL, "f"), spec);
        assertTrue(only(with("\"$schema\": 2")).startsWith("$schema: must be a string"));
    }

    @Test
    void overridesSetFieldsBeforeTheFileIsRead() {
        ExperimentSpec spec = ExperimentSpecFile.fromJson(MINIMAL, "f", List.of("training.groupSize=4",
                "arms.grpo.objective.parameters.clip=0.1", "arms[0].teacher={\"id\": \"ema\"}", "seed=11",
                "curriculum.stages[0].domain=mod", "evaluation.prompts=5"));
        assertEquals(4, spec.training().groupSize());
        assertEquals(TrainingSpec.DEFAULT_PROMPTS_PER_STEP, spec.training().promptsPerStep(),
                "a block created by an override keeps its other defaults");
        assertEquals(ComponentSpec.of("grpo", Map.of("clip", 0.1)), spec.arms().get(0).objective());
        assertEquals(ComponentSpec.of("ema"), spec.arms().get(0).teacher());
        assertEquals(11, spec.seed());
        assertEquals(11, spec.evaluation().seed(), "an evaluation without a seed takes the experiment's");
        assertEquals("mod", spec.curriculum().stages().get(0).domain(), "a value that is not JSON is a string");
    }

    @Test
    void anOverrideThatCannotApplySaysWhyBesideTheFilesOwnProblems() {
        List<Problem> found = problems(with("\"seed\": \"x\""), "arms.sdpo.teacher.id=ema", "arms[3].name=b",
                "training.groupsize=4", "groupSize", "name.first=x");
        assertEquals(List.of(
                        new Problem("arms", "cannot take override arms.sdpo.teacher.id=ema: no element is named 'sdpo'; "
                                + "did you mean 'grpo'? (names: grpo)"),
                        new Problem("arms", "cannot take override arms[3].name=b: it holds 1 element"),
                        new Problem("groupSize", "an override is key.path=value, e.g. training.groupSize=4 or "
                                + "arms[0].objective.id=grpo"),
                        new Problem("name", "cannot take override name.first=x: it is a value, not an object or a list"),
                        new Problem("seed", "must be an integer, was the string \"x\""),
                        new Problem("training.groupsize", "unknown field; did you mean 'groupSize'?")),
                found);
    }

    @Test
    void anIndexBeyondAnIntIsPastTheListsEnd() {
        assertEquals("arms: cannot take override arms[99999999999].name=b: it holds 1 element",
                only(MINIMAL, "arms[99999999999].name=b"));
    }

    @Test
    void aFileThatIsNotUtf8IsBadInputNamingIt(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("utf16.json");
        Files.write(file, MINIMAL.getBytes(StandardCharsets.UTF_16));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> ExperimentSpecFile.read(file));
        assertTrue(error.getMessage().startsWith("experiment spec " + file + " is not UTF-8 text ("), error.getMessage());
    }

    @Test
    void aNumberPastADoublesRangeIsNoNumberAnywhere() {
        String beyond = ": must be a finite number, was ";
        String range = " (past a double's range, ±" + Double.MAX_VALUE + ")";
        assertEquals("training.sampling.temperature" + beyond + "Infinity" + range,
                only(with("\"training\": {\"sampling\": {\"temperature\": 1e999}}")));
        assertEquals("arms[0].rewards[0].weight" + beyond + "-Infinity" + range, only(MINIMAL.replace("\"objective\"",
                "\"rewards\": [{\"name\": \"r\", \"weight\": -1e400, \"model\": {\"id\": \"x\"}}], \"objective\"")));
        assertEquals("arms[0].objective.parameters.grpo.clip" + beyond + "Infinity" + range,
                only(MINIMAL.replace("{\"id\": \"grpo\"}", "{\"id\": \"grpo\", \"parameters\": {\"grpo\": {\"clip\": 1e400}}}")));
    }
}
