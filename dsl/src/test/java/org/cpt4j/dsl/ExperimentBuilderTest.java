package org.cpt4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cpt4j.evaluation.EvaluationSampling;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.experiment.ArmChange;
import org.cpt4j.experiment.CollapseAction;
import org.cpt4j.experiment.CollapseRule;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentBuilderTest {

    @TempDir
    Path directory;

    /** The experiment of the version-1 golden file, written in the DSL: version 1 evaluated with 32 new tokens. */
    static ExperimentSpec example() {
        return exampleBuilder().evaluation(e -> e.maxNewTokens(32)).build();
    }

    private static ExperimentBuilder exampleBuilder() {
        return Cpt4j.experiment("sdpo-vs-grpo")
                .seed(7)
                .model(m -> m.layers(2).width(64).heads(4).context(96))
                .base(b -> b.steps(2000).mix("add", "mod", "reverse", "count"))
                .curriculum(c -> c
                        .stage("add", s -> s.steps(150))
                        .stage("reverse", s -> s.steps(150))
                        .evaluateOn("count", "add-long"))
                .training(t -> t.promptsPerStep(8).groupSize(8).sampling(s -> s.maxNewTokens(16)))
                .arm("grpo", a -> a.objective(ComponentSpec.of("grpo", Map.of("klBeta", 0.04, "clipHigh", 0.28))))
                .arm("sdpo", a -> a.objective(ComponentSpec.of("sdpo", Map.of("alpha", 0.5)))
                        .teacher(ComponentSpec.of("ema", Map.of("rate", 0.05)))
                        .reward("correct", 1.0, ComponentSpec.of("correctness"))
                        .reward("format", 0.1, ComponentSpec.of("format"))
                        .training(t -> t.optimizer(o -> o.learningRate(5e-4))))
                .drift(ComponentSpec.of("parameters"))
                .collapse(ComponentSpec.of("entropyBelow", Map.of("threshold", 0.05)));
    }

    /** The experiment of the version-2 golden file: evaluations inside stages, pass@4, a stop and a rollback rule. */
    static ExperimentSpec exampleOfVersionTwo() {
        return exampleBuilder()
                .evaluation(e -> e.everySteps(25).prompts(50).sampling(EvaluationSampling.passAtK(4, 0.8)))
                .collapse(ComponentSpec.of("nonFinite"), action -> action.stop())
                .collapse(ComponentSpec.of("formatFailureAbove", Map.of("threshold", 0.5)), action -> action
                        .rollback(change -> change.learningRateScale(0.5).teacher(ComponentSpec.of("frozen"))).maxTimes(2))
                .build();
    }

    @Test
    void defaultsFillEverythingButTheArms() {
        ExperimentSpec spec = Cpt4j.experiment("minimal").curriculum(c -> c.stage("add"))
                .arm("grpo", a -> a.objective(ComponentSpec.of("grpo"))).build();
        assertEquals(100, spec.curriculum().stages().get(0).steps());
        assertEquals(8, spec.training().groupSize());
        assertNull(spec.arms().get(0).teacher(), "frozen by default, decided by the engine");
        assertEquals(List.of(), spec.arms().get(0).rewards(), "the verifier's correctness by default");
        assertEquals(spec.training(), spec.trainingOf(spec.arms().get(0)));
    }

    @Test
    void aSpecRoundTripsThroughJsonWithoutLoss() throws IOException {
        ExperimentSpec spec = example();
        assertEquals(spec, ExperimentSpecFile.fromJson(ExperimentSpecFile.toJson(spec), "memory"));
        Path file = directory.resolve("experiment.json");
        ExperimentSpecFile.write(file, spec);
        assertEquals(spec, ExperimentSpecFile.read(file));
    }

    /**
     * A version-1 file reads as what version 1 ran: evaluation at stage ends with its {@code evaluationPrompts}, 32 new
     * tokens, greedy, the experiment's seed; its collapse detectors only record.
     */
    @Test
    void theGoldenFileOfVersionOneReadsAsTheDslExperiment() throws IOException {
        ExperimentSpec read = ExperimentSpecFile.read(Path.of("src/test/resources/golden/experiment-v1.json"));
        assertEquals(example(), read);
        assertEquals(new EvaluationSpec(0, 100, 32, EvaluationSampling.greedy(), 7), read.evaluation());
        assertEquals(List.of(CollapseRule.record(ComponentSpec.of("entropyBelow", Map.of("threshold", 0.05)))),
                read.collapse());
    }

    @Test
    void theGoldenFileOfVersionTwoReadsAsTheDslExperiment() throws IOException {
        Path golden = Path.of("src/test/resources/golden/experiment-v2.json");
        assertEquals(exampleOfVersionTwo(), ExperimentSpecFile.read(golden));
        assertEquals(Files.readString(golden), ExperimentSpecFile.toJson(exampleOfVersionTwo()), "written the same way");
    }

    @Test
    void aVersionOneArmWithItsOwnEvaluationPromptsIsAProblemAtItsPath() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(Path.of("src/test/resources/golden/experiment-v1.json").toFile());
        ((ObjectNode) tree.path("arms").get(1).path("training")).put("evaluationPrompts", 7);
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecFile.fromJson(json.writeValueAsString(tree), "old.json"));
        assertTrue(error.getMessage().contains("arms[1].training.evaluationPrompts: version 2 evaluates every arm alike"),
                error.getMessage());
    }

    @Test
    void collapseActionsSayWhatTheyNeed() {
        InvalidSpecException rollback = assertThrows(InvalidSpecException.class,
                () -> new CollapseAction(CollapseAction.Kind.ROLLBACK, null, 0));
        assertEquals(List.of("action.change", "action.maxTimes"), rollback.problems().stream().map(Problem::path).toList());
        InvalidSpecException stop = assertThrows(InvalidSpecException.class,
                () -> new CollapseAction(CollapseAction.Kind.STOP, ArmChange.of(c -> c.learningRateScale(0.5)), 0));
        assertTrue(stop.getMessage().contains("only a rollback changes the arm"), stop.getMessage());
        assertThrows(InvalidSpecException.class, () -> ArmChange.of(c -> { }));
        assertThrows(InvalidSpecException.class, () -> ArmChange.of(c -> c.learningRateScale(0)));
    }

    @Test
    void buildReportsEveryProblemAtOnceWithItsPath() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> Cpt4j.experiment("bad name!")
                .model(m -> m.width(66).heads(4))
                .curriculum(c -> c.stage("add", s -> s.steps(0)))
                .training(t -> t.groupSize(1).sampling(s -> s.temperature(-1)))
                .arm("a", a -> a.objective(ComponentSpec.of("grpo")))
                .arm("a", a -> a.training(t -> t.optimizer(o -> o.learningRate(-1))))
                .build());
        List<String> paths = error.problems().stream().map(Problem::path).toList();
        assertEquals(List.of("base.model.width", "training.sampling.temperature", "arms[1].objective",
                "arms[1].training.optimizer.learningRate", "name", "curriculum.stages[0].steps", "arms[1].name"),
                paths, error.getMessage());
        assertTrue(error.getMessage().contains("base.model.width: must be divisible by model.heads (4), was 66"),
                error.getMessage());
    }

    @Test
    void theModelSetTwiceToDifferentShapesIsAProblemRatherThanOneSilentlyWinning() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> minimal()
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(10).model(m -> m.layers(2).width(16).heads(2).context(48)))
                .curriculum(c -> c.stage("add", s -> s.steps(0)))
                .build());
        assertEquals(List.of("base.model", "curriculum.stages[0].steps"),
                error.problems().stream().map(Problem::path).toList(), "reported with the other problems");
        assertTrue(error.getMessage().contains("base.model: is set twice, to ModelConfig[layers=1, width=16"),
                error.getMessage());
        assertTrue(error.getMessage().contains("by .base(b -> b.model(...)); set it once, with .model(...)"),
                error.getMessage());
    }

    @Test
    void theModelIsTheBasesWhereverItIsSet() {
        ModelConfig small = ModelConfig.of(m -> m.layers(1).width(16).heads(2).context(48));
        assertEquals(small, minimal().model(m -> m.layers(1).width(16).heads(2).context(48)).build().base().model());
        assertEquals(small, minimal().base(b -> b.model(m -> m.layers(1).width(16).heads(2).context(48)))
                .build().base().model());
        assertEquals(small, minimal().model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.model(m -> m.layers(1).width(16).heads(2).context(48))).build().base().model(),
                "the same model twice loses nothing");
        assertEquals(PretrainSpec.of(p -> { }), minimal().build().base(), "the base's defaults, model included");
    }

    private static ExperimentBuilder minimal() {
        return Cpt4j.experiment("minimal").curriculum(c -> c.stage("add"))
                .arm("grpo", a -> a.objective(ComponentSpec.of("grpo")));
    }

    @Test
    void aJsonFileWithSeveralMistakesGetsThemAllReported() {
        String json = ExperimentSpecFile.toJson(example())
                .replace("\"width\" : 64", "\"width\" : 66")
                .replace("\"groupSize\" : 8,", "\"groupSize\" : 8, \"groupsize\" : 8,")
                .replace("\"name\" : \"sdpo\"", "\"name\" : \"grpo\"");
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecFile.fromJson(json, "broken.json"));
        String message = error.getMessage();
        assertTrue(message.contains("broken.json"), message);
        assertTrue(message.contains("base.model.width: must be divisible by model.heads (4), was 66"), message);
        assertTrue(message.contains("training.groupsize: unknown field; did you mean 'groupSize'?"), message);
        assertTrue(message.contains("arms[1].training.groupsize: unknown field; did you mean 'groupSize'?"), message);
        assertTrue(message.contains("arms[1].name: 'grpo' is the name of an earlier arm"), message);
    }

    /** Integers of every width become {@code Long}, floats {@code Double}, enums their names, at every depth. */
    @Test
    void componentParametersNormaliseNumbersSoEqualityIsStable() {
        ComponentSpec fromCode = ComponentSpec.of("grpo", Map.of("groupSize", 8, "clip", 0.5f, "width", (short) 3,
                "nested", Map.of("rate", 0.25f, "steps", (byte) 2), "list", List.of(1, 0.75f),
                "style", org.cpt4j.domain.SolutionStyle.LONG));
        ComponentSpec fromJson = ComponentSpec.of("grpo", Map.of("groupSize", 8L, "clip", 0.5, "width", 3L,
                "nested", Map.of("rate", 0.25, "steps", 2L), "list", List.of(1L, 0.75), "style", "LONG"));
        assertEquals(fromJson, fromCode);
        assertEquals(Long.class, fromCode.parameters().get("groupSize").getClass());
        assertEquals(Double.class, fromCode.parameters().get("clip").getClass());
        assertEquals(Double.class, ((Map<?, ?>) fromCode.parameters().get("nested")).get("rate").getClass());
        assertTrue(!ComponentSpec.of("grpo", Map.of("clip", 0.5f)).equals(ComponentSpec.of("grpo", Map.of("clip", 0.5f + 1e-6f))),
                "normalising keeps the value");
    }
}
