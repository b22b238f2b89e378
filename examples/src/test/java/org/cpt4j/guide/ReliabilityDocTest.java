package org.cpt4j.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reliability.md} names, for each guarantee, the tests and the corpus cases that hold it, and
 * {@code docs/objectives.md} the test that pins each option to its upstream value: each must exist, so that neither page
 * can go on citing one that was renamed or deleted.
 */
class ReliabilityDocTest {

    private static final Path PAGE = Path.of("../docs/reliability.md");
    private static final Path OBJECTIVES = Path.of("../docs/objectives.md");
    /** {@code FooTest}, {@code FooTest.aMethod}, or {@code .aMethod} of the test named last (not {@code .jar}). */
    private static final Pattern TEST = Pattern.compile("`(\\w+Test)?(?:\\.([a-z]\\w*[A-Z]\\w*))?`");
    private static final Pattern CASE = Pattern.compile("`((?:spec|set|option|rundir)-[a-z0-9*-]+)`");

    @Test
    void everyTestAndCaseThePageNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int cited = citedTests(PAGE, missing);
        List<String> cases;
        try (Stream<Path> folders = Files.list(Path.of("src/test/resources/bad-input"))) {
            cases = folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).toList();
        }
        Matcher named = CASE.matcher(Files.readString(PAGE));
        while (named.find()) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + named.group(1) + "*");
            cited++;
            if (cases.stream().noneMatch(name -> glob.matches(Path.of(name)))) {
                missing.add(named.group());
            }
        }
        assertTrue(cited > 40, "the page cites its tests: " + cited);
        assertEquals(List.of(), missing, "named in docs/reliability.md but not there");
    }

    @Test
    void everyTestTheObjectivesPageNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int cited = citedTests(OBJECTIVES, missing);
        assertTrue(cited > 25, "the page cites its tests: " + cited);
        assertEquals(List.of(), missing, "named in docs/objectives.md but not there");
    }

    /** @return how many tests {@code page} names; those that do not exist are added to {@code missing} */
    private static int citedTests(Path page, List<String> missing) throws IOException {
        String text = Files.readString(page);
        Map<String, Path> tests;
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            tests = files.filter(file -> file.toString().contains("/src/test/") && !file.toString().contains("/target/")
                    && file.getFileName().toString().endsWith("Test.java"))
                    .collect(Collectors.toMap(file -> file.getFileName().toString().replace(".java", ""), file -> file,
                            (a, b) -> a));
        }
        String last = null;
        int cited = 0;
        Matcher test = TEST.matcher(text);
        while (test.find()) {
            if (test.group(1) == null && test.group(2) == null) {
                continue;
            }
            String type = test.group(1) != null ? test.group(1) : last;
            last = type;
            cited++;
            if (type == null || !tests.containsKey(type)) {
                missing.add(test.group());
            } else if (test.group(2) != null
                    && !Files.readString(tests.get(type)).contains("void " + test.group(2) + "(")) {
                missing.add(type + "." + test.group(2));
            }
        }
        return cited;
    }
}
