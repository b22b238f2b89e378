package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (issue 16): each folder under {@code bad-input/} in the test resources is one input cpt4j must
 * refuse, as a user gives it. Its {@code case.json} names the command line ({@code args}, {@code ${dir}} standing
 * for the folder the case's {@code files/} were copied to), the exit status ({@code exit}, 2 for bad input), the texts
 * standard error must hold ({@code stderr}: the file or option and the path of what is wrong), and, for damage to a
 * run directory, the {@code fixture} to start from (a finished tiny run, made once) and the {@code damage} done to it
 * (a file appended to, written, replaced in or deleted; a lock held while the command runs).
 * Every case must end with that status and those texts, print no stack trace, and leave every file under the folder as
 * it was, but for the paths its {@code mayWrite} globs name (a run directory's {@code .lock} names its last holder).
 * The format in full: {@code bad-input/README.md}; what the cases guarantee: {@code docs/reliability.md}.
 */
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASES = "bad-input";
    private static final String DIRECTORY = "${dir}";

    /** The fixture {@code tiny-run}: a finished run of two steps, checkpointed after each. */
    private static final String TINY = """
            {"name": "tiny",
             "base": {"model": {"layers": 1, "width": 16, "heads": 2, "context": 48}, "steps": 10, "batchSize": 4,
                      "mix": ["count"]},
             "curriculum": {"stages": [{"domain": "count", "steps": 2}]},
             "training": {"promptsPerStep": 2, "groupSize": 2, "sampling": {"maxNewTokens": 6}},
             "evaluation": {"prompts": 4},
             "arms": [{"name": "grpo", "objective": {"id": "grpo"}}]}
            """;

    @TempDir
    static Path fixtures;

    private static Path tinyRun;

    @BeforeAll
    static void runTheTinyFixtureOnce() throws IOException {
        tinyRun = fixtures.resolve("tiny-run");
        Files.createDirectories(tinyRun);
        Files.writeString(tinyRun.resolve("tiny.json"), TINY);
        CommandLineRun run = CommandLineRun.of("run", tinyRun.resolve("tiny.json").toString(), "--runs",
                tinyRun.resolve("runs").toString(), "--cache", tinyRun.resolve("cache").toString(),
                "--checkpoint-every", "1", "--threads", "1", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(corpus())) {
            List<String> names = folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .sorted().toList();
            assertTrue(names.size() >= 120, "the corpus holds " + names.size() + " cases");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAMessageNamingItAndChangesNothing(String name, @TempDir Path directory) throws IOException {
        Path folder = corpus().resolve(name);
        JsonNode given = JSON.readTree(folder.resolve("case.json").toFile());
        if (given.has("fixture")) {
            assertEquals("tiny-run", given.get("fixture").asText(), "the only fixture");
            copy(tinyRun, directory);
        }
        if (Files.isDirectory(folder.resolve("files"))) {
            copy(folder.resolve("files"), directory);
        }
        List<FileLock> locks = new ArrayList<>();
        for (JsonNode damage : given.path("damage")) {
            damage(directory, damage, locks);
        }
        String[] args = strings(given.get("args")).stream().map(arg -> arg.replace(DIRECTORY, directory.toString()))
                .toArray(String[]::new);
        List<PathMatcher> mayWrite = strings(given.path("mayWrite")).stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        Map<String, String> before = contents(directory);
        List<String> workingDirectoryBefore = entries(Path.of(""));

        CommandLineRun run;
        try {
            run = CommandLineRun.of(args);
        } finally {
            for (FileLock lock : locks) {
                lock.channel().close();
            }
        }

        String told = "cpt4j " + String.join(" ", args) + "\nexit " + run.exitCode() + "\nerr:\n" + run.err()
                + "\nout:\n" + run.out();
        assertEquals(given.path("exit").asInt(ExitCode.BAD_INPUT), run.exitCode(), told);
        List<String> texts = strings(given.get("stderr"));
        assertFalse(texts.isEmpty(), name + " names what stderr must say");
        for (String text : texts) {
            String expected = text.replace(DIRECTORY, directory.toString());
            assertTrue(run.err().contains(expected), "stderr lacks '" + expected + "':\n" + told);
        }
        for (String output : List.of(run.err(), run.out())) {
            assertFalse(output.contains("\tat ") || output.contains("Exception in thread")
                    || output.contains("a failure of cpt4j itself"), "no stack trace, no internal failure:\n" + told);
        }
        Map<String, String> after = contents(directory);
        List<String> changed = new ArrayList<>();
        for (String path : union(before, after)) {
            if (!Objects.equals(before.get(path), after.get(path))
                    && mayWrite.stream().noneMatch(glob -> glob.matches(Path.of(path)))) {
                changed.add(path + (before.containsKey(path) ? after.containsKey(path) ? " (changed)" : " (deleted)"
                        : " (created)"));
            }
        }
        assertEquals(List.of(), changed, "nothing on disk changed:\n" + told);
        assertEquals(workingDirectoryBefore, entries(Path.of("")), "nothing written to the working directory");
    }

    /** Does one {@code damage} to the case's copy of its fixture, or holds a lock for the command's duration. */
    private static void damage(Path directory, JsonNode damage, List<FileLock> locks) throws IOException {
        if (damage.has("append")) {
            Files.writeString(directory.resolve(damage.get("append").asText()), damage.get("text").asText(),
                    StandardOpenOption.APPEND);
        } else if (damage.has("write")) {
            Files.writeString(directory.resolve(damage.get("write").asText()), damage.get("text").asText());
        } else if (damage.has("writeBytes")) {
            Files.write(directory.resolve(damage.get("writeBytes").asText()),
                    HexFormat.of().parseHex(damage.get("hex").asText()));
        } else if (damage.has("mkdir")) {
            Files.createDirectories(directory.resolve(damage.get("mkdir").asText()));
        } else if (damage.has("delete")) {
            Files.delete(directory.resolve(damage.get("delete").asText()));
        } else if (damage.has("replace")) {
            Path file = directory.resolve(damage.get("replace").asText());
            String content = Files.readString(file);
            String from = damage.get("from").asText();
            assertTrue(content.contains(from), file + " holds '" + from + "' to damage");
            Files.writeString(file, content.replace(from, damage.get("to").asText()));
        } else if (damage.has("lock")) {
            FileChannel channel = FileChannel.open(only(directory, damage.get("lock").asText()).resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            locks.add(channel.lock());
        } else {
            throw new IllegalArgumentException("unknown damage " + damage);
        }
    }

    /** @return {@code directory}'s {@code path}; one ending in {@code /*} is the one entry of the folder before it */
    private static Path only(Path directory, String path) throws IOException {
        if (!path.endsWith("/*")) {
            return directory.resolve(path);
        }
        try (Stream<Path> entries = Files.list(directory.resolve(path.substring(0, path.length() - 2)))) {
            List<Path> all = entries.toList();
            assertEquals(1, all.size(), path + " names one entry: " + all);
            return all.get(0);
        }
    }

    private static Path corpus() {
        try {
            return Path.of(Objects.requireNonNull(BadInputCorpusTest.class.getResource("/" + CASES), CASES).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode list) {
        List<String> strings = new ArrayList<>();
        list.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** @return every file and folder under {@code root}, relative, with a hash of each file's bytes */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(path -> !path.equals(root)).forEach(path -> contents.put(root.relativize(path).toString(),
                    Files.isDirectory(path) ? "folder" : sha256(path)));
        }
        return contents;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(Path::toString).sorted().toList();
        }
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }
}
