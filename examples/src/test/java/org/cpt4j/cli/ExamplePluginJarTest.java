package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.plugins.objectives.Objectives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin (examples/plugin-example) as its users get it: the jar its own build made, on no class path
 * (Surefire leaves it off this module's; the build names the file in {@value #PROPERTY}), given to the commands with
 * {@code --plugins}. It runs in the integration-test phase ({@code mvn verify}), once the plugin's jar is packaged:
 * before that, Maven hands a reactor module to the others as its classes folder.
 */
class ExamplePluginJarTest {

    static final String PROPERTY = "cpt4j.examplePluginJar";

    @TempDir
    Path directory;

    private static Path jar() {
        String file = System.getProperty(PROPERTY, "");
        assertTrue(file.endsWith(".jar") && Files.isRegularFile(Path.of(file)), PROPERTY + " names the example "
                + "plugin's jar, was '" + file + "'; this test runs after packaging: mvn -B -o verify -pl examples -am "
                + "-Dtest=ExamplePluginJarTest -Dsurefire.failIfNoSpecifiedTests=false");
        return Path.of(file);
    }

    /** @return cpt4j's version, which the example plugin is released at (BillOfMaterialsTest) */
    private static String projectVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ExamplePluginJarTest.class.getResourceAsStream("/cpt4j-version.properties")) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    @Test
    void pluginsListsTheJarsComponentsWithThePluginItsVersionAndTheJar() throws IOException {
        Path jar = jar();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.example.brevity.BrevityPlugin"),
                "the plugin is on no class path of this test");
        CommandLineRun without = CommandLineRun.of("plugins");
        assertTrue(!without.out().contains("brevity"), without.out());

        CommandLineRun with = CommandLineRun.of("plugins", "--plugins", jar.toString());
        assertEquals(0, with.exitCode(), with.err());
        String plugin = "brevity " + Pattern.quote(projectVersion()) + " \\(file:" + Pattern.quote(jar
                .toAbsolutePath().normalize().toString()) + "\\)";
        // each in its kind's section
        assertTrue(with.out().matches("(?s).*\nreward\n(  [^\n]*\n)*  brevity\\s+\\{tokens=8\\}\\s+" + plugin
                + "\n.*"), with.out());
        assertTrue(with.out().matches("(?s).*\ndrift\n(  [^\n]*\n)*  largest-change\\s+\\{\\}\\s+" + plugin
                + "\n.*"), with.out());
    }

    @Test
    void aSpecUsingTheJarsRewardAndDriftMetricByIdValidatesAndRunsWithTheJar() throws IOException {
        Path jar = jar();
        ExperimentSpec spec = Cpt4j.experiment("brief")
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(10).batchSize(4).mix("count"))
                .curriculum(c -> c.stage("count", s -> s.steps(2)))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(8)))
                .evaluation(e -> e.prompts(4))
                .arm("grpo", a -> a.objective(Objectives.grpo())
                        .reward("correct", 1, ComponentSpec.of("correctness"))
                        .reward("brief", 0.2, ComponentSpec.of("brevity", Map.of("tokens", 6))))
                .drift(ComponentSpec.of("parameters"), ComponentSpec.of("largest-change"))
                .build();
        Path file = directory.resolve("brief.json");
        ExperimentSpecFile.write(file, spec);

        CommandLineRun without = CommandLineRun.of("validate", file.toString());
        assertEquals(2, without.exitCode());
        assertTrue(without.err().contains("arms[0].rewards[1].model: unknown reward 'brevity'"), without.err());
        CommandLineRun valid = CommandLineRun.of("validate", file.toString(), "--plugins", jar.toString());
        assertEquals(0, valid.exitCode(), valid.err());

        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, Files.readString(file).replace("\"tokens\" : 6", "\"tokens\" : 0"));
        CommandLineRun invalid = CommandLineRun.of("validate", bad.toString(), "--plugins", jar.toString());
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().contains("arms[0].rewards[1].model.tokens: must be at least 1, was 0"), invalid.err());

        Path runs = directory.resolve("runs");
        CommandLineRun run = CommandLineRun.of("run", file.toString(), "--plugins", jar.toString(), "--cache",
                directory.resolve("cache").toString(), "--runs", runs.toString(), "--threads", "1", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Path arm = runs.resolve("brief/grpo");
        List<String> steps = Files.readAllLines(arm.resolve("metrics.jsonl"));
        assertEquals(2, steps.size(), "two steps");
        assertTrue(steps.stream().allMatch(step -> step.contains("\"brief\"")), "the jar's reward scored: " + steps);
        String drift = Files.readString(arm.resolve("drift.jsonl"));
        var largest = Pattern.compile("\"largest_change\"\\s*:\\s*([0-9.eE+-]+)").matcher(drift);
        assertTrue(largest.find() && Double.parseDouble(largest.group(1)) > 0,
                "the jar's drift metric measured the trained parameters: " + drift);
        String provenance = Files.readString(runs.resolve("brief/provenance.json"));
        assertTrue(provenance.contains("\"brevity\"") && provenance.contains(jar.getFileName().toString()), provenance);
    }
}
