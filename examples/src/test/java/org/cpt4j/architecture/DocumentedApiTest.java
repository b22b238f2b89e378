package org.cpt4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the public API (sdk outside {@code internal}, dsl, plugins, test-fixtures) has a
 * Javadoc comment. Javadoc is not in the bytecode ArchUnit reads, so this test reads the sources.
 */
class DocumentedApiTest {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public (?:final |abstract )?(?:class|interface|record|enum|@interface) (\\w+)");

    @Test
    void everyPublicApiTypeIsDocumented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        for (String module : new String[] {"sdk/api", "dsl", "plugins", "test-fixtures"}) {
            Path root = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.toString().contains("/internal/"))
                        .filter(f -> !f.getFileName().toString().equals("package-info.java")).toList()) {
                    String source = Files.readString(file);
                    Matcher type = PUBLIC_TYPE.matcher(source);
                    if (type.find()) {
                        checked++;
                        String before = source.substring(0, type.start()).stripTrailing();
                        while (before.endsWith(")") || before.matches("(?s).*\\n@\\w+$")) {
                            before = before.substring(0, before.lastIndexOf('\n')).stripTrailing();
                        }
                        if (!before.endsWith("*/")) {
                            undocumented.add(module + ": " + type.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), undocumented, "public API types without Javadoc");
        assertTrue(checked > 60, "the scan found only " + checked + " public types; is the source layout different?");
    }
}
