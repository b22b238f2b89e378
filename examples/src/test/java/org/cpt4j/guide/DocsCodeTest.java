package org.cpt4j.guide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Java and Kotlin block of the guides is a piece of a source that the build compiles (the examples' tests,
 * the example plugin, the Kotlin DSL's tests): its lines, trimmed, appear in that order in one of them; every pom
 * block of the plugin guide is a piece of the example plugin's pom.xml, which the build builds. A guide cannot drift
 * from code.
 */
class DocsCodeTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/test"), Path.of("plugin-example/src"),
            Path.of("../dsl/kotlin/src/test"));
    private static final Path PLUGIN_POM = Path.of("plugin-example/pom.xml");

    /** A fenced block of a guide: the line it starts on, and its lines trimmed, blank ones left out. */
    private record Block(int line, List<String> lines) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"../docs/user-guide.md", "../docs/plugin-guide.md"})
    void everyCodeBlockIsPartOfACompiledSource(String guide) throws IOException {
        List<List<String>> sources = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".kt"))
                        .toList()) {
                    sources.add(codeLines(Files.readAllLines(file)));
                }
            }
        }
        List<Block> blocks = blocks(Path.of(guide), Set.of("```java", "```kotlin"));
        for (Block block : blocks) {
            assertTrue(sources.stream().anyMatch(source -> Collections.indexOfSubList(source, block.lines()) >= 0),
                    guide + ":" + block.line() + ": this code block is not a piece of any compiled source under "
                            + SOURCES + ":\n" + String.join("\n", block.lines()));
        }
        assertTrue(blocks.size() >= 2, guide + " has code blocks");
    }

    @Test
    void everyPomBlockOfThePluginGuideIsPartOfTheExamplePluginsPom() throws IOException {
        List<String> pom = codeLines(Files.readAllLines(PLUGIN_POM));
        List<Block> blocks = blocks(Path.of("../docs/plugin-guide.md"), Set.of("```xml"));
        for (Block block : blocks) {
            assertTrue(Collections.indexOfSubList(pom, block.lines()) >= 0, "docs/plugin-guide.md:" + block.line()
                    + ": this pom block is not a piece of " + PLUGIN_POM + ":\n" + String.join("\n", block.lines()));
        }
        assertTrue(blocks.size() >= 2, "the plugin guide shows the example plugin's build");
    }

    /** @return the blocks of {@code guide} that open with one of {@code fences} */
    private static List<Block> blocks(Path guide, Set<String> fences) throws IOException {
        List<String> lines = Files.readAllLines(guide);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (fences.contains(lines.get(i))) {
                int start = i + 1;
                int end = start;
                while (!lines.get(end).equals("```")) {
                    end++;
                }
                blocks.add(new Block(start, codeLines(lines.subList(start, end))));
                i = end;
            }
        }
        return blocks;
    }

    /** @return the lines trimmed, blank ones left out */
    private static List<String> codeLines(List<String> lines) {
        return lines.stream().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }
}
