package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.ParameterView;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.dsl.ExperimentBuilder;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.internal.model.PolicyStateFile;
import org.cpt4j.internal.store.CapturedLog;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.run.PluginFailure;
import org.cpt4j.spec.InvalidInputException;
import org.cpt4j.run.PluginFailureException;
import org.cpt4j.run.RunResult;
import org.cpt4j.plugins.BuiltInPlugin;
import org.cpt4j.plugins.collapse.Collapse;
import org.cpt4j.plugins.drift.Drift;
import org.cpt4j.plugins.logging.Loggers;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.objectives.RolloutCorrection;
import org.cpt4j.plugins.teachers.Teachers;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;
import org.cpt4j.run.StepMetrics;
import java.util.function.UnaryOperator;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code cpt4j run spec.json} leaves in {@code runs/<experiment>/}, and that a run killed twice and started
 * again ends with the same files and weights as one that was never interrupted.
 */
class RunDirectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIMINGS = List.of("samplingMs", "scoringMs", "trainingMs");

    @TempDir
    static Path cache;

    @TempDir
    Path directory;

    /** @return an experiment of a 1-layer model with a 10-step base, 2 x 2 rollouts of 6 tokens and 4 prompts */
    private static ExperimentBuilder small(String name) {
        return Cpt4j.experiment(name)
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(10).batchSize(4).mix("count"))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(6)))
                .evaluation(e -> e.prompts(4).maxNewTokens(32));
    }

    static ExperimentSpec tiny() {
        return small("tiny")
                .curriculum(c -> c.stage("count", s -> s.steps(3)).stage("compare", s -> s.steps(3)))
                .arm("grpo", a -> a.objective(Objectives.grpo(g -> g.klBeta(0.04))))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.3)))
                .drift(Drift.parameters(), Drift.responses())
                .collapse(Collapse.entropyBelow(10.0))
                .build();
    }

    /** Thrown from the listener to stand in for a killed process. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed");
        }
    }

    /** Runs {@link #tiny} through the public entry point, killing it at the given step of the given arm. */
    private static List<ArmResult> run(Path runs, String killArm, int killStage, long killStageStep) {
        return run(runs, killArm, killStage, killStageStep, new ArrayList<>());
    }

    /** As {@link #run(Path, String, int, long)}, adding what the listener heard to {@code heard}. */
    private static List<ArmResult> run(Path runs, String killArm, int killStage, long killStageStep, List<String> heard) {
        RunOptions options = RunOptions.of(o -> o.runs(runs).cache(cache).checkpointEvery(2).threads(1)
                .loggers(Loggers.csv()));
        return Cpt4j.run(tiny(), options, new RunListener() {
            @Override
            public void onStep(String arm, int stage, StageSpec spec, long step, StepMetrics metrics) {
                heard.add("step " + arm + " " + stage + "/" + step);
                if (arm.equals(killArm) && stage == killStage && step == killStageStep) {
                    throw new Killed();
                }
            }

            @Override
            public void onResume(String arm, long step, boolean finished) {
                heard.add("resume " + arm + " " + step + " " + finished);
            }
        }).arms();
    }

    @Test
    void aRunWritesItsSpecAndPerArmMetricsEventsDriftAccuracyAndCheckpoints() throws IOException {
        run(directory, "", -1, -1);
        Path root = directory.resolve("tiny");
        assertEquals(tiny(), ExperimentSpecFile.read(root.resolve("spec.json")));
        JsonNode sessions = JSON.readTree(root.resolve("provenance.json").toFile()).get("sessions");
        assertEquals(1, sessions.size());
        assertTrue(sessions.get(0).get("finished").isTextual(), sessions.toString());
        List<String> scalars = Files.readAllLines(root.resolve("scalars.csv"));
        assertEquals("arm,step,tag,value", scalars.get(0));
        for (String row : List.of("grpo,0,eval/count,", "grpo,1,train/rewardMean,", "sdpo,6,train/diagnostics/divergence,",
                "sdpo,3,drift/parameters/relative_norm,", "sdpo,6,drift/responses/token_kl,", "grpo,6,eval/compare,")) {
            assertTrue(scalars.stream().anyMatch(line -> line.startsWith(row)), row + " in " + scalars);
        }
        String report = Files.readString(root.resolve("report.html"));
        assertTrue(report.contains("Complete: every arm ran to its end.") && report.contains("<td>sdpo</td>"),
                "the run wrote its report at the end");
        for (String arm : List.of("grpo", "sdpo")) {
            List<JsonNode> metrics = lines(root.resolve(arm).resolve("metrics.jsonl"));
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), metrics.stream().map(m -> m.get("step").asLong()).toList());
            assertEquals("compare", metrics.get(5).get("domain").asText());
            assertTrue(metrics.get(0).has("rewardMean") && metrics.get(0).has("entropy"), metrics.get(0).toString());
            List<JsonNode> drift = lines(root.resolve(arm).resolve("drift.jsonl"));
            assertEquals(List.of("0 parameters", "0 responses", "1 parameters", "1 responses"), drift.stream()
                    .map(d -> d.get("stage").asInt() + " " + d.get("metric").asText()).toList(), "each metric per stage");
            assertTrue(drift.get(2).get("values").get("relative_norm").asDouble() > 0, drift.get(2).toString());
            JsonNode responses = drift.get(3).get("values");
            assertTrue(responses.get("token_kl").asDouble() > 0, "the policy moved, so its samples diverge: " + responses);
            // 16 probes of each evaluated domain (count, compare), all short enough for the context
            double changed = responses.get("greedy_changed").asDouble() * 32;
            assertEquals(Math.rint(changed), changed, 1e-9, "a share of the 32 probes: " + responses);
            assertFalse(lines(root.resolve(arm).resolve("events.jsonl")).isEmpty(), "entropy below 10 fires");
            List<String> csv = Files.readAllLines(root.resolve(arm).resolve("accuracy.csv"));
            assertEquals("# cpt4j-accuracy version 1", csv.get(0), "the format's comment line comes first");
            csv = csv.subList(1, csv.size());
            assertEquals(List.of("row,count,compare", "base", "after count", "after compare"), csv.stream()
                    .map(line -> line.startsWith("row") ? line : line.substring(0, line.indexOf(','))).toList());
            double finalCount = Double.parseDouble(csv.get(3).split(",")[1]);
            double finalCompare = Double.parseDouble(csv.get(3).split(",")[2]);
            JsonNode measures = JSON.readTree(root.resolve(arm).resolve("measures.json").toFile());
            assertEquals((finalCount + finalCompare) / 2, measures.get("accuracy").asDouble(), 1e-4,
                    "ACC is the mean final accuracy over the stages' domains");
            assertEquals(Double.parseDouble(csv.get(2).split(",")[1]) - finalCount,
                    measures.get("forgettingByDomain").get("count").asDouble(), 1e-4);
            List<JsonNode> samples = lines(root.resolve(arm).resolve("samples.jsonl"));
            assertEquals(List.of(0L, 0L, 2L, 2L, 3L, 3L, 5L, 5L), samples.stream().map(m -> m.get("step").asLong())
                    .toList(), "both prompts' first responses at each stage's first and last step");
            assertTrue(samples.get(0).get("question").asText().length() > 0 && samples.get(0).has("response")
                    && samples.get(0).has("reward") && samples.get(0).has("correct"), samples.get(0).toString());
            assertEquals(arm.equals("sdpo"), samples.stream().anyMatch(sample -> sample.has("teacherContext")),
                    "the teacher's context is kept where the objective had one");
            try (Stream<Path> checkpoints = Files.list(root.resolve(arm).resolve("checkpoints"))) {
                assertEquals(List.of("step-0000000005.ckpt", "step-0000000006.ckpt"), checkpoints
                        .map(p -> p.getFileName().toString()).sorted().toList(), "the two newest are kept");
            }
        }
    }

    @Test
    void theListenerHearsEachCollapseEventAndEachDomainOfEachEvaluation() {
        List<String> heard = new ArrayList<>();
        RunOptions options = RunOptions.of(o -> o.runs(directory).cache(cache).threads(1));
        List<ArmResult> arms = Cpt4j.run(tiny(), options, new RunListener() {
            @Override
            public void onCollapse(String arm, CollapseEvent event) {
                heard.add("collapse " + arm + " " + event.step());
            }

            @Override
            public void onEvaluationProgress(String arm, EvaluationPoint.Kind kind, int done, int domains) {
                heard.add("evaluating " + arm + " " + kind + " " + done + "/" + domains);
            }
        }).arms();
        for (ArmResult arm : arms) {
            String name = arm.name();
            assertEquals(arm.collapse().stream().map(event -> "collapse " + name + " " + event.step()).toList(),
                    heard.stream().filter(line -> line.startsWith("collapse " + name + " ")).toList());
            assertEquals(List.of("BASE 0/2", "BASE 1/2", "STAGE_END 0/2", "STAGE_END 1/2", "STAGE_END 0/2",
                    "STAGE_END 1/2"), heard.stream().filter(line -> line.startsWith("evaluating " + name + " "))
                    .map(line -> line.substring(("evaluating " + name + " ").length())).toList());
            assertEquals(name.equals("sdpo"), arm.evaluations().stream().allMatch(point -> point.teacherAccuracy()
                    .keySet().equals(arm.evaluations().get(0).accuracy().keySet())), arm.evaluations().toString());
        }
        assertFalse(arms.get(0).collapse().isEmpty(), "entropy below 10 fires");
    }

    @Test
    void aRunKilledTwiceAndStartedAgainEndsAsAnUninterruptedOne() throws IOException {
        Path whole = directory.resolve("whole");
        Path resumed = directory.resolve("resumed");
        List<ArmResult> expected = run(whole, "", -1, -1);
        // killed in stage 2 (compare) after its first step: resumes from the end of stage 1
        assertThrows(Killed.class, () -> run(resumed, "sdpo", 1, 1));
        // killed at the last step of stage 2: resumes from the checkpoint in the middle of it
        assertThrows(Killed.class, () -> run(resumed, "sdpo", 1, 2));
        List<String> resuming = new ArrayList<>();
        List<ArmResult> actual = run(resumed, "", -1, -1, resuming);
        assertEquals(List.of("resume grpo 6 true", "resume sdpo 5 false", "step sdpo 1/2"), resuming,
                "the third start trains only the step after the last checkpoint (not a deterministic rerun from 0)");
        assertEndsAsUninterrupted(whole, expected, resumed, actual);

        assertEquals(withoutTimingRows(whole.resolve("tiny/scalars.csv")),
                withoutTimingRows(resumed.resolve("tiny/scalars.csv")),
                "the csv logger's file, its rows after each resumed checkpoint dropped, is the uninterrupted run's");

        Map<String, String> filesBefore = armFiles(resumed.resolve("tiny"));
        List<String> heard = new ArrayList<>();
        List<ArmResult> again = run(resumed, "", -1, -1, heard);
        assertEquals(List.of("resume grpo 6 true", "resume sdpo 6 true"), heard,
                "a finished run read again resumes each arm as finished and trains no step");
        assertEquals(filesBefore, armFiles(resumed.resolve("tiny")), "and rewrites none of its files");
        for (int arm = 0; arm < 2; arm++) {
            assertTrue(Arrays.deepEquals(actual.get(arm).accuracy().accuracy(), again.get(arm).accuracy().accuracy()));
            assertEquals(actual.get(arm).collapse(), again.get(arm).collapse());
        }
    }

    /** The run's newest checkpoint of an arm damaged, it goes on from the one before and still ends the same. */
    @Test
    void aRunWhoseNewestCheckpointIsDamagedGoesOnFromTheOneBeforeAndEndsAsAnUninterruptedOne() throws Exception {
        Path whole = directory.resolve("whole");
        Path resumed = directory.resolve("resumed");
        List<ArmResult> expected = run(whole, "", -1, -1);
        // killed at the last step of stage 2: its checkpoints are those after stage 1 (step 3) and in stage 2 (step 5)
        assertThrows(Killed.class, () -> run(resumed, "sdpo", 1, 2));
        Path checkpoints = resumed.resolve("tiny/sdpo/checkpoints");
        Path newest = checkpoints.resolve("step-0000000005.ckpt");
        Files.write(newest, Arrays.copyOf(Files.readAllBytes(newest), (int) Files.size(newest) - 1));

        List<String> resuming = new ArrayList<>();
        CapturedLog.Captured<List<ArmResult>> actual = CapturedLog.during(() -> run(resumed, "", -1, -1, resuming));
        assertEquals(List.of("resume grpo 6 true", "resume sdpo 3 false", "step sdpo 1/0", "step sdpo 1/1",
                "step sdpo 1/2"), resuming, "sdpo goes on from the end of stage 1");
        assertTrue(actual.log().contains(newest + " is truncated") && actual.log().contains("the arm resumes from "
                + checkpoints.resolve("step-0000000003.ckpt")), actual.log());
        assertEndsAsUninterrupted(whole, expected, resumed, actual.value());
        assertTrue(Files.exists(checkpoints.resolve("step-0000000005.ckpt.damaged")), "kept for a person to look at");
    }

    /** Asserts that the run in {@code resumed} ended with the results, files and weights of the one in {@code whole}. */
    private static void assertEndsAsUninterrupted(Path whole, List<ArmResult> expected, Path resumed,
                                                  List<ArmResult> actual) throws IOException {
        for (int arm = 0; arm < 2; arm++) {
            assertTrue(Arrays.deepEquals(expected.get(arm).accuracy().accuracy(),
                    actual.get(arm).accuracy().accuracy()));
            assertEquals(expected.get(arm).collapse(), actual.get(arm).collapse());
        }
        for (String arm : List.of("grpo", "sdpo")) {
            Path a = whole.resolve("tiny").resolve(arm);
            Path b = resumed.resolve("tiny").resolve(arm);
            assertEquals(withoutTimings(lines(a.resolve("metrics.jsonl"))), withoutTimings(lines(b.resolve("metrics.jsonl"))),
                    arm + " metrics");
            for (String file : List.of("events.jsonl", "drift.jsonl", "samples.jsonl", "accuracy.csv", "measures.json")) {
                assertEquals(Files.readString(a.resolve(file)), Files.readString(b.resolve(file)), arm + " " + file);
            }
            PolicyStateFile.Contents left = PolicyStateFile.readContents(a.resolve("checkpoints/step-0000000006.ckpt"));
            PolicyStateFile.Contents right = PolicyStateFile.readContents(b.resolve("checkpoints/step-0000000006.ckpt"));
            assertTrue(left.state().parameters().sameValues(right.state().parameters()), arm + " weights");
            assertTrue(left.state().secondMoment().sameValues(right.state().secondMoment()), arm + " optimizer");
            assertTrue(left.groups().get("teacher").sameValues(right.groups().get("teacher")), arm + " teacher");
        }
    }

    private static List<String> withoutTimingRows(Path scalars) throws IOException {
        return Files.readAllLines(scalars).stream().filter(row -> TIMINGS.stream()
                .noneMatch(timing -> row.contains(",train/" + timing + ","))).toList();
    }

    /**
     * @return every file under each arm's directory with its contents (checkpoints as their sizes and times); the
     *     experiment's own provenance.json, report.html and the logger's scalars.csv record each start, so they are
     *     left out
     */
    private static Map<String, String> armFiles(Path root) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> root.relativize(f).getNameCount() > 1)
                    .toList()) {
                files.put(root.relativize(file).toString(), file.toString().endsWith(".ckpt")
                        ? Files.size(file) + " bytes, modified " + Files.getLastModifiedTime(file)
                        : Files.readString(file));
            }
        }
        return files;
    }

    @Test
    void anUnknownLoggerIsRefusedBeforeAnythingRunsNamingItsPathAndTheKnownOnes() {
        RunOptions options = RunOptions.of(o -> o.runs(directory).cache(cache).threads(1)
                .loggers(Loggers.csv(), ComponentSpec.of("tensorbord")));
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> Cpt4j.run(tiny(), options, RunListener.SILENT));
        assertTrue(error.getMessage().contains("options.loggers[1]") && error.getMessage().contains("tensorbord")
                && error.getMessage().contains("csv"), error.getMessage());
        assertFalse(Files.exists(directory.resolve("tiny")), "nothing was written");
    }

    @Test
    void aRunRecordsItsSpecWithEveryParameterSoThatOnlyAnUnchangedDefaultResumes() throws IOException {
        PluginRegistry registry = PluginRegistry.of(List.of(new BuiltInPlugin()));
        UnaryOperator<ExperimentSpec> explicit = spec -> ResolvedExperiment.explicit(spec, registry);
        // as a JSON spec may name it: the EMA teacher without its rate
        ExperimentSpec implicit = Cpt4j.experiment("tiny").curriculum(c -> c.stage("count", s -> s.steps(1)))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(ComponentSpec.of("ema"))).build();
        ExperimentSpec recorded = explicit.apply(implicit);
        assertEquals(Teachers.ema(0.05), recorded.arms().get(0).teacher());

        RunDirectory.open(directory.resolve("new"), recorded, explicit).close();
        assertEquals(recorded, ExperimentSpecFile.read(directory.resolve("new/tiny/spec.json")));

        // a directory whose spec.json left the rate out, as runs before explicit specs did, resumes
        Files.createDirectories(directory.resolve("older/tiny"));
        ExperimentSpecFile.write(directory.resolve("older/tiny/spec.json"), implicit);
        RunDirectory.open(directory.resolve("older"), recorded, explicit).close();

        // one recorded when the default was another rate is refused, though both specs leave the rate out
        Files.createDirectories(directory.resolve("changed/tiny"));
        ExperimentSpecFile.write(directory.resolve("changed/tiny/spec.json"), Cpt4j.experiment("tiny")
                .curriculum(c -> c.stage("count", s -> s.steps(1)))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.3))).build());
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> RunDirectory.open(directory.resolve("changed"), recorded, explicit));
        assertTrue(error.getMessage().contains("holds a run of a different spec named 'tiny'"), error.getMessage());
    }

    @Test
    void anotherSpecUnderTheSameNameIsRefusedAndNothingIsOverwritten() throws IOException {
        Path root = directory.resolve("tiny");
        Files.createDirectories(root);
        ExperimentSpec other = Cpt4j.experiment("tiny").curriculum(c -> c.stage("count", s -> s.steps(1)))
                .arm("grpo", a -> a.objective(Objectives.grpo())).build();
        ExperimentSpecFile.write(root.resolve("spec.json"), other);
        String before = Files.readString(root.resolve("spec.json"));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> run(directory, "", -1, -1));
        assertTrue(error.getMessage().contains("holds a run of a different spec named 'tiny'"), error.getMessage());
        assertEquals(before, Files.readString(root.resolve("spec.json")));
    }

    @Test
    void aPluginThatThrowsIsRecordedAndDisabledForTheArmAndTheRunGoesOn() throws IOException {
        Cpt4jPlugin faulty = Cpt4jPlugin.of("faulty", List.of(
                Component.of(ComponentKind.DRIFT, "broken-drift", () -> new DriftMetric() {
                    @Override
                    public String id() {
                        return "broken-drift";
                    }

                    @Override
                    public Map<String, Double> measure(ParameterView reference, ParameterView current) {
                        throw new IllegalStateException("out of cheese");
                    }
                }),
                Component.of(ComponentKind.COLLAPSE, "broken-detector", () -> new CollapseDetector() {
                    @Override
                    public String id() {
                        return "broken-detector";
                    }

                    @Override
                    public Optional<CollapseEvent> observe(StepSignals signals) {
                        if (signals.step() == 1) {
                            throw new ArithmeticException("divided by zero");
                        }
                        return Optional.empty();
                    }
                })));
        ExperimentSpec spec = small("faulty")
                .curriculum(c -> c.stage("count", s -> s.steps(3)).stage("compare", s -> s.steps(1)))
                .arm("grpo", a -> a.objective(Objectives.grpo()))
                .drift(ComponentSpec.of("broken-drift"), ComponentSpec.of("parameters"))
                .collapse(ComponentSpec.of("broken-detector"))
                .build();
        RunOptions options = RunOptions.of(o -> o.runs(directory).cache(cache).checkpointEvery(2).threads(1));
        // killed in the second stage, after both plugins failed in the first: the run resumes without them
        assertThrows(Killed.class, () -> ExperimentEngine.create(spec, options, List.of(new BuiltInPlugin(), faulty))
                .runner().run(new RunListener() {
                    @Override
                    public void onStep(String arm, int stage, StageSpec stageSpec, long step, StepMetrics metrics) {
                        if (stage == 1) {
                            throw new Killed();
                        }
                    }
                }));
        RunResult result = ExperimentEngine.create(spec, options, List.of(new BuiltInPlugin(), faulty)).runner()
                .run(RunListener.SILENT);
        Path arm = directory.resolve("faulty").resolve("grpo");
        List<JsonNode> events = lines(arm.resolve("events.jsonl"));
        assertEquals(List.of("collapse/broken-detector/1", "drift/broken-drift/3"), events.stream()
                .map(e -> e.get("kind").asText() + "/" + e.get("id").asText() + "/" + e.get("step").asLong()).toList(),
                "each failure once, then the plugin is off for the arm");
        assertTrue(events.get(0).get("error").asText().contains("divided by zero"), events.get(0).toString());
        assertEquals("faulty", events.get(0).get("plugin").asText());
        assertEquals("grpo", events.get(0).get("arm").asText());
        String version = result.arms().get(0).pluginFailures().get(0).version(); // the jar's, as `cpt4j plugins` shows
        assertEquals(List.of(new PluginFailure("faulty", version, "collapse", "broken-detector", "grpo", 0, 1,
                        "java.lang.ArithmeticException: divided by zero", false),
                new PluginFailure("faulty", version, "drift", "broken-drift", "grpo", 0, 3,
                        "java.lang.IllegalStateException: out of cheese", false)),
                result.arms().get(0).pluginFailures(), "the result holds them, read back after the resume");
        assertEquals(List.of("parameters", "parameters"), lines(arm.resolve("drift.jsonl")).stream()
                .map(d -> d.get("metric").asText()).toList(), "the other metric is measured after both stages");
        assertEquals(4, lines(arm.resolve("metrics.jsonl")).size());
    }

    @Test
    void aRewardThatFailsEndsTheRunNamingItsPluginArmAndStepAndANonFiniteDriftIsAFailureToo() throws IOException {
        Cpt4jPlugin faulty = Cpt4jPlugin.of("faulty", List.of(
                Component.of(ComponentKind.REWARD, "flaky", () -> (task, response, verdict, tokens) -> {
                    throw new IllegalStateException("the oracle is down");
                }),
                Component.of(ComponentKind.DRIFT, "nan-drift", () -> new DriftMetric() {
                    @Override
                    public String id() {
                        return "nan-drift";
                    }

                    @Override
                    public Map<String, Double> measure(ParameterView reference, ParameterView current) {
                        return Map.of("distance", Double.NaN);
                    }
                })));
        ExperimentSpec spec = small("flaky")
                .curriculum(c -> c.stage("count", s -> s.steps(1)).stage("compare", s -> s.steps(1)))
                .arm("steady", a -> a.objective(Objectives.grpo()))
                .arm("shaped", a -> a.objective(Objectives.grpo()).reward("flaky", 1, ComponentSpec.of("flaky")))
                .drift(ComponentSpec.of("nan-drift"))
                .build();
        RunOptions options = RunOptions.of(o -> o.runs(directory).cache(cache).threads(1));
        PluginFailureException error = assertThrows(PluginFailureException.class,
                () -> ExperimentEngine.create(spec, options, List.of(new BuiltInPlugin(), faulty)).runner()
                        .run(RunListener.SILENT));
        String version = error.failure().version();
        assertEquals(new PluginFailure("faulty", version, "reward", "flaky", "shaped", 0, 0,
                "java.lang.IllegalStateException: the oracle is down", true), error.failure());
        assertTrue(error.getMessage().startsWith("reward 'flaky' (plugin faulty " + version + ") failed in arm 'shaped' at "
                + "step 0 (stage 0): java.lang.IllegalStateException: the oracle is down. The run stopped"),
                error.getMessage());
        List<JsonNode> failures = lines(directory.resolve("flaky/shaped/events.jsonl"));
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).get("fatal").asBoolean(), failures.get(0).toString());

        List<JsonNode> steady = lines(directory.resolve("flaky/steady/events.jsonl"));
        assertEquals(List.of("drift/nan-drift"), steady.stream()
                .map(e -> e.get("kind").asText() + "/" + e.get("id").asText()).toList());
        assertTrue(steady.get(0).get("error").asText().startsWith("returned NaN as 'distance'"), steady.toString());
        assertTrue(Files.notExists(directory.resolve("flaky/steady/drift.jsonl"))
                || !Files.readString(directory.resolve("flaky/steady/drift.jsonl")).contains("NaN"),
                "a value that is not finite is never written as a string");
    }

    /**
     * A reward that cannot score some responses (TRL's {@code None}) is not a failure: the run trains on, the
     * component's unscorable scores are logged as null, and an infinite score is the plugin's failure.
     */
    @Test
    void aRewardThatCannotScoreSomeResponsesTrainsOnAndAnInfiniteOneFails() throws IOException {
        int[] calls = new int[1];
        Cpt4jPlugin judges = Cpt4jPlugin.of("judges", List.of(
                Component.of(ComponentKind.REWARD, "picky", () -> (task, response, verdict, tokens) ->
                        calls[0]++ % 2 == 0 ? RewardModel.UNSCORABLE : (verdict.correct() ? 1 : 0)),
                Component.of(ComponentKind.REWARD, "boundless", () -> (task, response, verdict, tokens) ->
                        Double.POSITIVE_INFINITY)));
        ExperimentSpec spec = small("picky")
                .curriculum(c -> c.stage("count", s -> s.steps(2)))
                .arm("grpo", a -> a.objective(Objectives.grpo()).reward("picky", 1, ComponentSpec.of("picky")))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).reward("picky", 1, ComponentSpec.of("picky")))
                .build();
        RunOptions options = RunOptions.of(o -> o.runs(directory).cache(cache).threads(1));
        RunResult result = ExperimentEngine.create(spec, options, List.of(new BuiltInPlugin(), judges)).runner()
                .run(RunListener.SILENT);
        assertEquals(List.of(), result.arms().get(0).pluginFailures());
        for (String arm : List.of("grpo", "sdpo")) {
            List<JsonNode> steps = lines(directory.resolve("picky").resolve(arm).resolve("metrics.jsonl"));
            assertEquals(2, steps.size(), arm);
            for (JsonNode step : steps) {
                assertTrue(Double.isFinite(step.get("loss").asDouble()), arm + " " + step);
                assertTrue(step.get("rewardMean").isNumber(), "the mean of the scorable rewards: " + step);
            }
        }

        ExperimentSpec infinite = small("boundless").curriculum(c -> c.stage("count", s -> s.steps(1)))
                .arm("grpo", a -> a.objective(Objectives.grpo()).reward("boundless", 1, ComponentSpec.of("boundless")))
                .build();
        PluginFailureException error = assertThrows(PluginFailureException.class,
                () -> ExperimentEngine.create(infinite, options, List.of(new BuiltInPlugin(), judges)).runner()
                        .run(RunListener.SILENT));
        assertTrue(error.getMessage().contains("returned Infinity as the reward"), error.getMessage());
    }

    /**
     * With rollout correction the trainer scores the old log-probabilities with its own graph and hands the sampler's
     * as the rollout's: they differ only by rounding, so the weights are 1 to well within a percent.
     */
    @Test
    void rolloutCorrectionWeighsTheTrainersLogProbabilitiesAgainstTheSamplers() throws IOException {
        ExperimentSpec spec = small("corrected")
                .curriculum(c -> c.stage("count", s -> s.steps(2)))
                .arm("grpo", a -> a.objective(Objectives.grpo(g -> g.rolloutCorrection(RolloutCorrection.TOKEN))))
                .arm("sdpo", a -> a.objective(Objectives.sdpo(d -> d.rolloutCorrection(RolloutCorrection.SEQUENCE))))
                .build();
        ExperimentEngine.create(spec, RunOptions.of(o -> o.runs(directory).cache(cache).threads(1)),
                List.of(new BuiltInPlugin())).runner().run(RunListener.SILENT);
        for (String arm : List.of("grpo", "sdpo")) {
            for (JsonNode step : lines(directory.resolve("corrected").resolve(arm).resolve("metrics.jsonl"))) {
                double mean = step.get("diagnostics").get("rollout_is_mean").asDouble();
                assertEquals(1.0, mean, 0.01, arm + " " + step);
            }
        }
    }

    /** An absurd learning rate kills the model: the arm is stopped as diverged, also when killed and resumed. */
    @Test
    void aDivergedArmIsStoppedAfterStepsInARowWithoutAFiniteUpdateAndAResumeStopsItAtTheSameStep() throws IOException {
        ExperimentSpec spec = small("diverging")
                .curriculum(c -> c.stage("count", s -> s.steps(40)))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(6))
                        .optimizer(o -> o.learningRate(1e30).maxGradNorm(0)))
                .evaluation(e -> e.prompts(4).maxNewTokens(8))
                .arm("grpo", a -> a.objective(Objectives.grpo()))
                .build();
        RunOptions options = RunOptions.of(o -> o.runs(directory.resolve("whole")).cache(cache).checkpointEvery(2)
                .threads(1));
        ArmResult whole = Cpt4j.run(spec, options, RunListener.SILENT).arms().get(0);
        assertTrue(whole.stoppedBy().isPresent(), "stopped");
        assertEquals(DivergenceWatch.DETECTOR, whole.stoppedBy().get().detector());
        long stoppedAt = whole.stoppedBy().get().step();
        assertTrue(stoppedAt < 40, "before the stage's end: " + stoppedAt);
        List<JsonNode> metrics = lines(directory.resolve("whole/diverging/grpo/metrics.jsonl"));
        assertEquals(stoppedAt + 1, metrics.size(), "no step after the stop");
        for (JsonNode line : metrics.subList(metrics.size() - DivergenceWatch.STEPS, metrics.size())) {
            assertTrue(line.get("skippedUpdates").asInt() >= 1 || !line.get("loss").isNumber(), line.toString());
        }
        assertTrue(Files.readString(directory.resolve("whole/diverging/grpo/events.jsonl"))
                .contains("\"detector\":\"diverged\""));

        RunOptions killed = RunOptions.of(o -> o.runs(directory.resolve("killed")).cache(cache).checkpointEvery(2)
                .threads(1));
        assertThrows(Killed.class, () -> Cpt4j.run(spec, killed, new RunListener() {
            @Override
            public void onStep(String arm, int stage, StageSpec stageSpec, long step, StepMetrics metrics) {
                if (step == stoppedAt - 1) {
                    throw new Killed();
                }
            }
        }));
        ArmResult resumed = Cpt4j.run(spec, killed, RunListener.SILENT).arms().get(0);
        assertEquals(whole.stoppedBy(), resumed.stoppedBy(), "a resumed run stops where the whole one did");
    }

    /** Two writers of one run directory: the second is refused naming the first, whose files stay its own. */
    @Test
    void aSecondWriterOfARunDirectoryIsRefusedAndTheFirstsFilesAreUntouched() throws Exception {
        java.util.concurrent.CountDownLatch stepping = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch refused = new java.util.concurrent.CountDownLatch(1);
        RunOptions options = RunOptions.of(o -> o.runs(directory).cache(cache).threads(1));
        // its own thread: the common pool may have no worker free on a small machine
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<List<ArmResult>> first = thread.submit(() -> Cpt4j.run(tiny(), options,
                new RunListener() {
                    @Override
                    public void onStep(String arm, int stage, StageSpec spec, long step, StepMetrics metrics) {
                        stepping.countDown();
                        try {
                            refused.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).arms());
        thread.shutdown();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (!stepping.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (first.isDone()) {
                first.get(); // the failure of a first run that ended before its first step
                throw new AssertionError("the first run ended before its first step");
            }
            assertTrue(System.nanoTime() < deadline, "the first run took no step in 3 minutes");
        }
        InvalidInputException error;
        try {
            error = assertThrows(InvalidInputException.class, () -> Cpt4j.run(tiny(), options, RunListener.SILENT));
        } finally {
            refused.countDown();
        }
        assertTrue(error.getMessage().contains("run directory " + directory.resolve("tiny") + " is being written by "
                + "another cpt4j (pid " + ProcessHandle.current().pid()), error.getMessage());
        assertEquals(2, first.get().size());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), lines(directory.resolve("tiny/grpo/metrics.jsonl")).stream()
                .map(line -> line.get("step").asLong()).toList(), "one writer's steps, in order");
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<JsonNode> withoutTimings(List<JsonNode> lines) {
        lines.forEach(line -> ((ObjectNode) line).remove(TIMINGS));
        return lines;
    }
}
