package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar built outside the repository, as a third party builds one: its source compiled here against the
 * cpt4j API and packed into a jar that is on no class path, then given to the commands by path.
 */
class PluginJarsTest {

    private static final String PLUGIN = """
            package org.acme;

            import java.util.List;
            import java.util.Map;
            import org.cpt4j.drift.DriftMetric;
            import org.cpt4j.drift.PolicyComparison;
            import org.cpt4j.plugin.Component;
            import org.cpt4j.plugin.ComponentKind;
            import org.cpt4j.plugin.Cpt4jPlugin;
            import org.cpt4j.reward.RewardModel;

            public final class AcmePlugin implements Cpt4jPlugin {
                @Override
                public String name() {
                    return "acme";
                }

                @Override
                public List<Component<?, ?>> components() {
                    RewardModel shortAnswers = (task, response, verdict, tokens) -> tokens <= 4 ? 1 : 0;
                    RewardModel broken = (task, response, verdict, tokens) -> {
                        throw new IllegalStateException("the acme oracle is down");
                    };
                    DriftMetric undefined = new DriftMetric() {
                        @Override
                        public String id() {
                            return "acmeUndefined";
                        }

                        @Override
                        public Map<String, Double> measure(PolicyComparison policies) {
                            return Map.of("distance", Double.NaN);
                        }
                    };
                    return List.of(Component.of(ComponentKind.REWARD, "acmeShort", () -> shortAnswers),
                            Component.of(ComponentKind.REWARD, "acmeBroken", () -> broken),
                            Component.of(ComponentKind.DRIFT, "acmeUndefined", () -> undefined));
                }
            }
            """;

    /** A tiny experiment whose arm takes its reward from the jar, {@code %s} being the reward's id. */
    private static final String TINY = """
            {"name": "acme-tiny",
             "base": {"model": {"layers": 1, "width": 16, "heads": 2, "context": 48}, "steps": 10, "batchSize": 4,
                      "mix": ["count"]},
             "curriculum": {"stages": [{"domain": "count", "steps": 2}]},
             "training": {"promptsPerStep": 2, "groupSize": 2, "sampling": {"maxNewTokens": 6}},
             "evaluation": {"prompts": 4},
             "drift": [{"id": "acmeUndefined"}, {"id": "parameters"}],
             "arms": [{"name": "acme", "objective": {"id": "grpo"},
                       "rewards": [{"name": "acme", "weight": 1, "model": {"id": "%s"}}]}]}
            """;

    private static final String SPEC = """
            {"format": "cpt4j-experiment", "version": 2, "name": "acme", "seed": 7,
             "base": %s, "curriculum": {"stages": [{"domain": "count", "steps": 2}], "evaluateOn": []},
             "training": %s, "evaluation": %s, "drift": [], "collapse": [],
             "arms": [{"name": "grpo", "objective": {"id": "grpo", "parameters": {}}, "teacher": null,
                       "rewards": [{"name": "short", "weight": 1.0, "model": {"id": "acmeShort", "parameters": {}}}],
                       "training": null}]}
            """;

    @TempDir
    Path directory;

    private Path jar;

    @BeforeEach
    void buildThePluginJar() throws IOException {
        Path sources = directory.resolve("src/org/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("AcmePlugin.java"), PLUGIN);
        Path classes = directory.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), sources.resolve("AcmePlugin.java").toString()), "the plugin compiles");
        jar = directory.resolve("jars").resolve("acme-plugin-1.0.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                put(out, classes.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
            }
            put(out, "META-INF/services/org.cpt4j.plugin.Cpt4jPlugin",
                    "org.acme.AcmePlugin\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(content);
        out.closeEntry();
    }

    /** @return a spec whose arm's reward is the jar's {@code acmeShort}, the rest as the DSL's defaults write it */
    private Path spec() throws IOException {
        String defaults = Files.readString(Path.of("experiments/sdpo-vs-grpo.json"));
        com.fasterxml.jackson.databind.JsonNode shipped = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(defaults);
        Path file = directory.resolve("acme.json");
        Files.writeString(file, SPEC.formatted(shipped.get("base"), shipped.get("training"),
                shipped.get("evaluation")));
        return file;
    }

    @Test
    void aPluginJarGivenWithPluginsIsListedWithItsJar() {
        CommandLineRun without = CommandLineRun.of("plugins");
        assertTrue(!without.out().contains("acmeShort"), "the jar is on no class path: " + without.out());
        CommandLineRun with = CommandLineRun.of("plugins", "--plugins", jar.toString());
        assertEquals(0, with.exitCode(), with.err());
        // a jar whose manifest names no Implementation-Version
        assertTrue(with.out().matches("(?s).*  acmeShort\\s+\\{\\}\\s+acme unknown \\(.*acme-plugin-1\\.0\\.jar\\).*"),
                with.out());
        assertTrue(with.out().contains("  grpo "), "the built-in plugins stay: " + with.out());
    }

    @Test
    void aSpecNamingTheJarsComponentValidatesWithTheJarsDirectoryAndSaysHowToAddItWithout() throws IOException {
        Path spec = spec();
        CommandLineRun without = CommandLineRun.of("validate", spec.toString());
        assertEquals(2, without.exitCode());
        assertTrue(without.err().contains("arms[0].rewards[0].model: unknown reward 'acmeShort'")
                && without.err().contains("(from the plugins ") && without.err().contains("cpt4j-builtins; a component")
                && without.err().contains("--plugins JAR, CPT4J_PLUGINS or a plugins/ folder"), without.err());
        CommandLineRun with = CommandLineRun.of("validate", spec.toString(), "--plugins", jar.getParent().toString());
        assertEquals(0, with.exitCode(), with.err());
        assertTrue(with.out().contains("valid"), with.out());
    }

    /**
     * A drift metric that measures NaN is recorded and the run goes on, its summary listing it; a reward that throws
     * ends the run with a message naming the reward, its plugin, the arm and the step.
     */
    @Test
    void aJarsComponentThatFailsIsNamedWithItsPluginArmAndStep() throws IOException {
        Path spec = directory.resolve("tiny.json");
        Path runs = directory.resolve("runs");
        Files.writeString(spec, TINY.formatted("acmeShort"));
        CommandLineRun went = CommandLineRun.of("run", spec.toString(), "--plugins", jar.toString(), "--quiet",
                "--runs", runs.toString(), "--cache", directory.resolve("cache").toString());
        assertEquals(0, went.exitCode(), went.err());
        assertTrue(went.out().contains("plugin failures (1; the arm went on without these components):\n"
                + "  step 2 drift 'acmeUndefined' (plugin acme unknown): returned NaN as 'distance'"), went.out());

        Files.writeString(spec, TINY.formatted("acmeBroken").replace("acme-tiny", "acme-broken"));
        CommandLineRun ended = CommandLineRun.of("run", spec.toString(), "--plugins", jar.toString(), "--quiet",
                "--runs", runs.toString(), "--cache", directory.resolve("cache").toString());
        assertEquals(1, ended.exitCode());
        assertTrue(ended.err().contains("cpt4j: reward 'acmeBroken' (plugin acme unknown) failed in arm 'acme' at "
                + "step 0 (stage 0): java.lang.IllegalStateException: the acme oracle is down. The run stopped"),
                ended.err());
        assertTrue(Files.readString(runs.resolve("acme-broken/acme/events.jsonl")).contains("\"fatal\":true"));
    }

    @Test
    void jarsComeFromTheOptionTheVariableAndThePluginsFolders() throws IOException {
        Path folder = directory.resolve("work/plugins");
        Files.createDirectories(folder);
        Path inFolder = Files.copy(jar, folder.resolve("in-folder.jar"));
        Path config = directory.resolve("config/cpt4j/plugins");
        Files.createDirectories(config);
        Path inConfig = Files.copy(jar, config.resolve("in-config.jar"));
        Path fromVariable = Files.copy(jar, directory.resolve("from-variable.jar"));
        List<Path> jars = PluginJars.jars(List.of(jar), Map.of(PluginJars.VARIABLE, fromVariable + File.pathSeparator,
                "XDG_CONFIG_HOME", directory.resolve("config").toString()), directory.resolve("work"));
        assertEquals(List.of(jar, fromVariable, inFolder, inConfig), jars);
        assertEquals(List.of(), PluginJars.jars(List.of(), Map.of(), directory.resolve("nowhere")));
    }

    @Test
    void pathsThatAreNoJarsAreRefusedEveryOneNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PluginJars.jars(
                List.of(directory.resolve("missing.jar")), Map.of(PluginJars.VARIABLE, "/no/such/dir"), directory));
        assertTrue(error.getMessage().startsWith("no plugin jar or directory of jars at " + directory.resolve(
                "missing.jar") + ", /no/such/dir (from --plugins or CPT4J_PLUGINS)"), error.getMessage());
        CommandLineRun run = CommandLineRun.of("plugins", "--plugins", directory.resolve("missing.jar").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no plugin jar or directory of jars at"), run.err());
    }

    /** A class loader passes over a jar it cannot open in silence: the plugin would just be missing. */
    @Test
    void aJarThatIsNoZipIsRefusedNamingIt() throws IOException {
        Path folder = directory.resolve("broken");
        Files.createDirectories(folder);
        Path broken = Files.writeString(folder.resolve("broken.jar"), "not a zip");
        Path empty = Files.writeString(directory.resolve("empty.jar"), "");
        CommandLineRun run = CommandLineRun.of("plugins", "--plugins", folder.toString(), "--plugins", empty.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("cpt4j: not a jar (a zip file): " + broken + " ("), run.err());
        assertTrue(run.err().contains(", " + empty + " ("), run.err());
    }
}
