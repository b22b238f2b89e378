package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.experiment.ExperimentSchema;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec files on the command line: a minimal one, {@code --set}, {@code --dry-run} and {@code schema}. */
class SpecFileCommandsTest {

    @TempDir
    Path directory;

    @Test
    void theMinimalSpecShippedWithCpt4jIsValid() {
        CommandLineRun result = CommandLineRun.of("validate", "experiments/minimal.json");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Experiment 'minimal': 2 arm(s) [grpo (grpo), sdpo (sdpo)] over 1 stage(s)"),
                result.out());
    }

    /** The user guide shows the minimal spec as it ships. */
    @Test
    void theGuidesMinimalSpecIsTheShippedOne() throws IOException {
        String guide = Files.readString(Path.of("../docs/user-guide.md"));
        int start = guide.indexOf("```json\n") + "```json\n".length();
        assertEquals(Files.readString(Path.of("experiments/minimal.json")), guide.substring(start,
                guide.indexOf("```", start)));
    }

    @Test
    void aDryRunPrintsTheResolvedSpecWithEveryParameterAndTrainsNothing() throws IOException {
        CommandLineRun result = CommandLineRun.of("run", "experiments/minimal.json", "--dry-run", "--runs",
                directory.toString(), "--set", "training.groupSize=4", "--set", "arms.sdpo.teacher.id=ema");
        assertEquals(0, result.exitCode(), result.err());
        ExperimentSpec printed = ExperimentSpecFile.fromJson(result.out(), "the dry run's output");
        assertEquals(4, printed.training().groupSize());
        assertEquals("ema", printed.arms().get(1).teacher().id());
        assertTrue(printed.arms().get(1).teacher().parameters().containsKey("rate"),
                "the teacher's parameters are written with their defaults: " + printed.arms().get(1).teacher());
        assertTrue(printed.arms().get(0).objective().parameters().containsKey("klBeta"), result.out());
        assertTrue(Files.notExists(directory.resolve("minimal")), "nothing ran");

        CommandLineRun again = CommandLineRun.of("run", "--dry-run", "experiments/minimal.json", "--set",
                "training.groupSize=4", "--set", "arms.sdpo.teacher.id=ema");
        assertEquals(result.out(), again.out(), "the resolved spec is stable");
    }

    @Test
    void overridesOnTheBuiltInExperimentToo() {
        CommandLineRun result = CommandLineRun.of("run", "quickstart", "--dry-run", "--set", "evaluation.prompts=7");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(7, ExperimentSpecFile.fromJson(result.out(), "out").evaluation().prompts());
    }

    @Test
    void everyProblemOfTheFileAndTheOverridesIsListedTogether() throws IOException {
        Path spec = directory.resolve("typo.json");
        Files.writeString(spec, Files.readString(Path.of("experiments/minimal.json"))
                .replace("\"steps\": 20", "\"step\": 20"));
        CommandLineRun result = CommandLineRun.of("validate", spec.toString(), "--set", "training.groupSize=\"4\"",
                "--set", "arms.grpo2.objective.id=sdpo");
        assertEquals(2, result.exitCode());
        String message = result.err();
        assertTrue(message.contains("typo.json with the overrides training.groupSize=\"4\", arms.grpo2.objective.id=sdpo (3 problems)"),
                message);
        assertTrue(message.contains("curriculum.stages[0].step: unknown field; did you mean 'steps'?"), message);
        assertTrue(message.contains("training.groupSize: must be an integer, was the string \"4\""), message);
        assertTrue(message.contains("arms: cannot take override arms.grpo2.objective.id=sdpo: no element is named "
                + "'grpo2'; did you mean 'grpo'?"), message);
    }

    /** What the plugins find in a spec (an unknown id, a parameter out of range) names its file as its own problems do. */
    @Test
    void aProblemThePluginsFindNamesTheSpecFileAndTheOverrides() {
        for (String[] command : List.of(new String[] {"validate"}, new String[] {"run", "--dry-run"},
                new String[] {"run", "--runs", directory.toString(), "--cache", directory.toString()})) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("experiments/minimal.json", "--set", "arms.sdpo.objective.parameters.alpha=2"));
            CommandLineRun result = CommandLineRun.of(args.toArray(String[]::new));
            assertEquals(2, result.exitCode(), result.err());
            assertEquals("cpt4j: Invalid experiment spec experiments/minimal.json with the overrides "
                    + "arms.sdpo.objective.parameters.alpha=2 (1 problem):\n"
                    + "  - arms[1].objective.alpha: must be within [0, 1], was 2.0\n", result.err(), args.toString());
        }
        assertTrue(Files.notExists(directory.resolve("minimal")), "nothing ran");
    }

    @Test
    void theSchemaCommandPrintsThePublishedSchema() throws IOException {
        CommandLineRun result = CommandLineRun.of("schema");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(ExperimentSchema.json(), result.out());
        assertEquals(Files.readString(Path.of("../docs/experiment-schema.json")), result.out());
        Path file = directory.resolve("schema.json");
        assertEquals(0, CommandLineRun.of("schema", "--out", file.toString()).exitCode());
        assertEquals(result.out(), Files.readString(file));
    }
}
