package org.cpt4j.guide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Java and Kotlin block of the guides is a piece of a source that the build compiles (the examples' tests,
 * the example plugin, the Kotlin DSL's tests): its lines, trimmed, appear in that order in one of them. A guide
 * cannot drift from code.
 */
class DocsCodeTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/test"), Path.of("plugin-example/src"),
            Path.of("../dsl/kotlin/src/test"));

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
        List<String> lines = Files.readAllLines(Path.of(guide));
        int blocks = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("```java") || lines.get(i).equals("```kotlin")) {
                int start = i + 1;
                int end = start;
                while (!lines.get(end).equals("```")) {
                    end++;
                }
                List<String> block = codeLines(lines.subList(start, end));
                int line = start;
                assertTrue(sources.stream().anyMatch(source -> Collections.indexOfSubList(source, block) >= 0),
                        guide + ":" + line + ": this code block is not a piece of any compiled source under " + SOURCES
                                + ":\n" + String.join("\n", block));
                blocks++;
                i = end;
            }
        }
        assertTrue(blocks >= 2, guide + " has code blocks");
    }

    /** @return the lines trimmed, blank ones left out */
    private static List<String> codeLines(List<String> lines) {
        return lines.stream().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }
}
