package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.dsl.ExperimentBuilder;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.internal.model.PolicyStateFile;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugins.BuiltInPlugin;
import org.cpt4j.plugins.logging.Loggers;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.teachers.Teachers;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arm loop's evaluation schedule and collapse actions, on a tiny experiment. */
class ArmLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path cache;

    @TempDir
    Path directory;

    /** Fires whenever it sees step {@code step}: a collapse on purpose. */
    record FiresAt(long step) {
    }

    /** The built-ins and a {@code firesAt} collapse detector. */
    private static final Cpt4jPlugin FIRES_AT = Cpt4jPlugin.of("fires-at", List.of(Component.of(
            ComponentKind.COLLAPSE, "firesAt", new FiresAt(-1), at -> new CollapseDetector() {
                @Override
                public String id() {
                    return "firesAt";
                }

                @Override
                public Optional<CollapseEvent> observe(StepSignals signals) {
                    return signals.step() == at.step() ? Optional.of(new CollapseEvent("firesAt", signals.step(),
                            "step " + at.step(), CollapseEvent.Severity.CRITICAL)) : Optional.empty();
                }
            })));

    private static ExperimentBuilder tiny(String name) {
        return Cpt4j.experiment(name)
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(10).batchSize(4).mix("count"))
                .curriculum(c -> c.stage("count", s -> s.steps(4)).stage("compare", s -> s.steps(4)))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(6)));
    }

    private List<ArmResult> run(ExperimentSpec spec, Path runs, Consumer<StepMetrics> onStep) {
        RunOptions options = RunOptions.of(o -> o.runs(runs).cache(cache).checkpointEvery(2).threads(1)
                .loggers(Loggers.csv()));
        try {
            return ExperimentEngine.create(spec, options, List.of(new BuiltInPlugin(), FIRES_AT)).runner()
                    .run(new RunListener() {
                        @Override
                        public void onStep(String arm, int stage, StageSpec stageSpec, long step, StepMetrics metrics) {
                            onStep.accept(metrics);
                        }
                    }).arms();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void evaluationsEveryTwoStepsGoToEvaluationsJsonlAndChangeNothingElse() throws IOException {
        ExperimentSpec every = tiny("every").arm("grpo", a -> a.objective(Objectives.grpo()))
                .evaluation(e -> e.everySteps(2).prompts(4)).build();
        ExperimentSpec ends = tiny("every").arm("grpo", a -> a.objective(Objectives.grpo()))
                .evaluation(e -> e.prompts(4)).build();
        ArmResult result = run(every, directory.resolve("every"), m -> { }).get(0);
        run(ends, directory.resolve("ends"), m -> { });

        Path arm = directory.resolve("every/every/grpo");
        assertEquals(List.of("BASE 0/0 step 0", "IN_STAGE 0/2 step 2", "STAGE_END 0/4 step 4", "IN_STAGE 1/2 step 6",
                "STAGE_END 1/4 step 8"), lines(arm.resolve("evaluations.jsonl")).stream()
                .map(line -> line.get("kind").asText() + " " + line.get("stage").asInt() + "/"
                        + line.get("stageStep").asInt() + " step " + line.get("step").asLong()).toList());
        lines(arm.resolve("evaluations.jsonl")).forEach(line -> {
            assertEquals("cpt4j-evaluation", line.get("format").asText());
            assertEquals(FileFormat.EVALUATIONS.version(), line.get("version").asInt());
            assertEquals(List.of("compare", "count"), iterable(line.get("accuracy")), "every evaluated domain, by id");
            assertTrue(line.get("teacherAccuracy").isEmpty(), "grpo distils from no teacher");
        });
        Path endsArm = directory.resolve("ends/every/grpo");
        assertEquals(Files.readString(endsArm.resolve("accuracy.csv")), Files.readString(arm.resolve("accuracy.csv")),
                "the stage table is the same");
        assertTrue(PolicyStateFile.read(arm.resolve("checkpoints/step-0000000008.ckpt")).parameters().sameValues(
                PolicyStateFile.read(endsArm.resolve("checkpoints/step-0000000008.ckpt")).parameters()),
                "evaluating inside stages does not change the training");
        assertEquals(5, result.evaluations().size());
        assertEquals(2, result.learningSpeed().size());
        result.learningSpeed().forEach(speed -> assertTrue(speed.stepsToHalfGain() == null
                || List.of(2, 4).contains(speed.stepsToHalfGain()), speed.toString()));
    }

    private static List<String> withoutTimings(Path scalars) throws IOException {
        return Files.readAllLines(scalars).stream().filter(row -> !row.matches(".*,train/(sampling|scoring|training)Ms,.*"))
                .toList();
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ExperimentSpec rollingBack(String name) {
        return tiny(name).arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.3)))
                .evaluation(e -> e.prompts(4))
                .collapse(ComponentSpec.of("firesAt", java.util.Map.of("step", 3)), action -> action
                        .rollback(change -> change.learningRateScale(0.5).teacher(Teachers.frozen())).maxTimes(1))
                .build();
    }

    /**
     * A detector that fires at step 3 under a rollback rule (halve the learning rate, freeze the teacher, once): the
     * arm goes back to its checkpoint at step 2, goes on as attempt 1, meets the event again and, with no rollback
     * left, stops, its stage cut short.
     */
    @Test
    void aRollbackRuleGoesBackChangesTheArmAndStopsWhenItHasNoneLeft() throws IOException {
        Path runs = directory.resolve("rollback");
        ArmResult result = run(rollingBack("rollback"), runs, m -> { }).get(0);
        Path arm = runs.resolve("rollback/sdpo");

        assertEquals(List.of("collapse firesAt 3 attempt 0", "collapse-action ROLLBACK 3 attempt 0",
                "collapse firesAt 3 attempt 1", "collapse-action STOP 3 attempt 1"), lines(arm.resolve("events.jsonl"))
                .stream().filter(e -> !e.get("type").asText().equals("plugin-failure"))
                .map(e -> e.get("type").asText() + " " + (e.has("action") ? e.get("action").asText()
                        : e.get("detector").asText()) + " " + e.get("step").asLong() + " attempt "
                        + e.get("attempt").asInt()).toList());
        JsonNode rollback = lines(arm.resolve("events.jsonl")).get(1);
        assertEquals(2, rollback.get("toStep").asLong(), "back to the newest checkpoint before the event");
        assertEquals(0.5, rollback.get("change").get("learningRateScale").asDouble());
        assertEquals(List.of("0:0", "0:1", "0:2", "0:3", "1:2", "1:3"), lines(arm.resolve("metrics.jsonl")).stream()
                .map(m -> m.get("attempt").asInt() + ":" + m.get("step").asLong()).toList(),
                "the abandoned attempt's steps stay, marked");
        assertEquals(List.of("sdpo,1", "sdpo,2", "sdpo,3", "sdpo,4"), Files.readAllLines(runs.resolve(
                "rollback/scalars.csv")).stream().filter(row -> row.contains(",train/rewardMean,"))
                .map(row -> row.substring(0, row.indexOf(",train/"))).toList(),
                "the logger is told of the rollback: the abandoned steps 3 and 4 are dropped, then come again");

        assertEquals(List.of("base", "after count (stopped at step 4)"), result.accuracy().rows());
        assertEquals(3, result.stoppedBy().orElseThrow().step());
        assertEquals(List.of(3L, 3L), result.collapse().stream().map(CollapseEvent::step).toList());
        PolicyStateFile.Contents last = PolicyStateFile.readContents(arm.resolve("checkpoints/step-0000000004.ckpt"));
        assertEquals(1e-3 / 2, last.state().optimizer().learningRate(), 1e-15, "the learning rate was halved");
        PolicyStateFile.Contents atRollback = PolicyStateFile.readContents(
                arm.resolve("checkpoints/step-0000000002.ckpt"));
        assertTrue(atRollback.groups().get("teacher").sameValues(last.groups().get("teacher")),
                "the frozen teacher kept its weights through attempt 1's steps (the EMA teacher had moved them)");
        assertEquals(1, atRollback.extra().get("loop").get("progress").get("attempt").asInt(),
                "the checkpoint written after the rollback is attempt 1's");
    }

    @Test
    void aRunKilledAfterARollbackResumesAsAnUninterruptedOne() throws IOException {
        Path whole = directory.resolve("whole");
        run(rollingBack("rb"), whole, m -> { });
        Path resumed = directory.resolve("resumed");
        int[] seen = {0};
        // killed at the second step 3 it trains: attempt 1's, just before the stop
        assertThrows(IllegalStateException.class, () -> run(rollingBack("rb"), resumed, m -> {
            if (m.step() == 3 && ++seen[0] == 2) {
                throw new IllegalStateException("killed");
            }
        }));
        run(rollingBack("rb"), resumed, m -> { });
        for (String file : List.of("events.jsonl", "accuracy.csv", "measures.json", "evaluations.jsonl")) {
            assertEquals(Files.readString(whole.resolve("rb/sdpo").resolve(file)),
                    Files.readString(resumed.resolve("rb/sdpo").resolve(file)), file);
        }
        assertEquals(withoutTimings(whole.resolve("rb/scalars.csv")), withoutTimings(resumed.resolve("rb/scalars.csv")),
                "the csv logger's file, through a rollback and a restart, is the uninterrupted run's");
        assertEquals(withoutTimings(lines(whole.resolve("rb/sdpo/metrics.jsonl"))),
                withoutTimings(lines(resumed.resolve("rb/sdpo/metrics.jsonl"))));
    }

    @Test
    void aStopRuleEndsTheArmAtTheEventWithItsLastRow() throws IOException {
        ExperimentSpec spec = tiny("stop").arm("grpo", a -> a.objective(Objectives.grpo()))
                .evaluation(e -> e.prompts(4))
                .collapse(ComponentSpec.of("firesAt", java.util.Map.of("step", 5)), action -> action.stop())
                .build();
        ArmResult result = run(spec, directory.resolve("stop"), m -> { }).get(0);
        assertEquals(List.of("base", "after count", "after compare (stopped at step 6)"), result.accuracy().rows());
        assertEquals(5, result.stoppedBy().orElseThrow().step());
        assertEquals(List.of("BASE", "STAGE_END", "STOPPED"), result.evaluations().stream()
                .map(point -> point.kind().name()).toList());
        assertEquals(EvaluationPoint.Kind.STOPPED, result.evaluations().get(2).kind());
        List<ArmResult> again = run(spec, directory.resolve("stop"), m -> {
            throw new AssertionError("a stopped arm is read back, not trained");
        });
        assertEquals(result.accuracy().rows(), again.get(0).accuracy().rows());
        assertEquals(result.stoppedBy(), again.get(0).stoppedBy());
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointStartsAfreshWithoutItsLeftovers() throws IOException {
        ExperimentSpec spec = tiny("fresh").arm("grpo", a -> a.objective(Objectives.grpo()))
                .evaluation(e -> e.prompts(4)).build();
        Path arm = directory.resolve("fresh/fresh/grpo");
        Files.createDirectories(arm);
        Files.writeString(arm.resolve("metrics.jsonl"), "{\"stage\":0,\"step\":0,\"rewardMean\":9}\n{\"sta");
        Files.writeString(arm.resolve("events.jsonl"), "{\"type\":\"collapse\",\"step\":0}\n");
        run(spec, directory.resolve("fresh"), m -> { });
        assertEquals(8, lines(arm.resolve("metrics.jsonl")).size(), "the run's own 8 steps, nothing left over");
        assertTrue(lines(arm.resolve("metrics.jsonl")).stream().noneMatch(line -> line.get("rewardMean").asDouble() == 9));
        assertTrue(!Files.exists(arm.resolve("events.jsonl")) || Files.readString(arm.resolve("events.jsonl")).isEmpty(),
                "no collapse rule, no event");
    }

    private static List<JsonNode> withoutTimings(List<JsonNode> lines) {
        lines.forEach(line -> ((com.fasterxml.jackson.databind.node.ObjectNode) line)
                .remove(List.of("samplingMs", "scoringMs", "trainingMs")));
        return lines;
    }
}
