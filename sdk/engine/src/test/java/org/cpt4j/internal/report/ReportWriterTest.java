package org.cpt4j.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.run.RunReport;
import org.cpt4j.spec.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final String DATA_START = "<script type=\"application/json\" id=\"cpt4j-data\">";

    @TempDir
    Path runs;

    private Path root;

    @BeforeEach
    void writeTheFixture() throws IOException {
        root = RunFixture.write(runs);
    }

    @Test
    void aPartialRunSaysWhichArmsAreMissingAndHowFarEachGot() throws IOException {
        RunReport report = ReportWriter.write(root);
        assertEquals(root.resolve("report.html"), report.file());
        assertFalse(report.complete());
        assertEquals(List.of("arm sdpo stopped after 3 of 8 steps, 0 of 2 stages evaluated (run the experiment again "
                + "to resume it)", "arm ema has not started"), report.missing());
        String page = Files.readString(report.file());
        assertTrue(page.contains("<li>arm ema has not started</li>"), "the page lists what is missing");
    }

    @Test
    void textFromTheRunReachesThePageAsTextAndNoneOfItRuns() throws IOException {
        String page = Files.readString(ReportWriter.write(root).file());
        // the data, the charts' runtime and the page's script: no script element comes from the run
        assertEquals(3, occurrences(page, "<script"), "script elements");
        assertFalse(page.contains("document.title='pwned'</script>"));
        assertTrue(page.contains("&lt;/script&gt;&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
        assertTrue(page.contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt; 2+2=?"));
        assertTrue(page.contains("entropy &lt;b&gt;0.01&lt;/b&gt; &lt; 0.05"), "an event's evidence");
        String data = data(page);
        assertFalse(data.contains("<") || data.contains(">") || data.contains("&"), "the data escapes < > &: " + data);
        assertTrue(new ObjectMapper().readTree(data).path("arms").get(0).path("events").get(0).path("detail")
                .asText().startsWith(RunFixture.HOSTILE_EVIDENCE), "and reads back as the text it was");
    }

    @Test
    void theFiguresDrawTheLineageNotTheAttemptARollbackAbandoned() throws IOException {
        JsonNode grpo = new ObjectMapper().readTree(data(Files.readString(ReportWriter.write(root).file())))
                .path("arms").get(0);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), longs(grpo.path("steps")));
        // steps 4 and 5 are the second attempt's (reward 0.3 + 0.02·step), not the first's (0.1 + 0.01·step)
        assertEquals(0.38, grpo.path("series").path("rewardMean").get(4).asDouble(), 1e-12);
        assertEquals(0.16, grpo.path("diagnostics").path("divergence").get(4).asDouble(), 1e-12);
        List<Long> evaluated = longs(grpo.path("evaluations").findValues("step"));
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L), evaluated, "the abandoned evaluation at step 6 is left out");
        assertEquals(0.45, grpo.path("evaluations").get(3).path("accuracy").path("add").asDouble(), 1e-12);
        assertEquals(2, grpo.path("events").size(), "the collapse that caused the rollback is kept");
    }

    @Test
    void theMatrixAndBothForgettingConventionsComeFromTheStageEndEvaluations() throws IOException {
        JsonNode grpo = new ObjectMapper().readTree(data(Files.readString(ReportWriter.write(root).file())))
                .path("arms").get(0);
        assertEquals("[\"base\",\"after add\",\"after mod\"]", grpo.path("matrix").path("rows").toString());
        assertEquals("[[0.2,0.3,0.4],[0.5,0.3,0.4],[0.4,0.6,0.35]]", grpo.path("matrix").path("values").toString());
        // add: 0.5 just after its stage, 0.4 at the end; Chaudhry's best before the last stage is the same 0.5
        assertEquals(0.1, grpo.path("forgetting").path("avalanche").path("add").asDouble(), 1e-12);
        assertEquals(0.1, grpo.path("forgetting").path("chaudhry").path("add").asDouble(), 1e-12);
        String page = Files.readString(root.resolve("report.html"));
        assertTrue(page.contains("<td class=\"number\">50.0</td>"), "grpo's ACC, (0.4 + 0.6) / 2, in the summary");
    }

    @Test
    void aDistillingArmCarriesItsTeachersAccuracyAndAnArmWithoutATeacherDoesNot() throws IOException {
        JsonNode arms = new ObjectMapper().readTree(data(Files.readString(ReportWriter.write(root).file())))
                .path("arms");
        assertEquals("{\"add\":0.9,\"mod\":0.9,\"count\":0.9}",
                arms.get(1).path("evaluations").get(0).path("teacher").toString());
        assertTrue(arms.get(0).findValues("teacher").isEmpty(), "grpo has no teacher: " + arms.get(0));
    }

    @Test
    void overSeedsEachNumberIsTheMeanWithTheLowestAndHighestSeedBesideIt() throws IOException {
        Path file = runs.resolve("over-seeds.html");
        RunReport report = ReportWriter.write(List.of(root, RunFixture.writeSecondSeed(runs)), file);
        assertEquals(file, report.file());
        assertEquals(4, report.missing().size(), "each seed's two unfinished arms, named by directory");
        String page = Files.readString(file);
        JsonNode data = new ObjectMapper().readTree(data(page));
        assertEquals("[7,8]", data.path("seeds").toString());
        JsonNode grpo = data.path("arms").get(0);
        assertEquals(0.3, grpo.path("matrix").path("values").get(2).get(0).asDouble(), 1e-12, "mean of 0.4 and 0.2");
        JsonNode end = grpo.path("evaluations").get(4);
        assertEquals(8, end.path("step").asLong());
        assertEquals(0.2, end.path("min").path("add").asDouble(), 1e-12);
        assertEquals(0.4, end.path("max").path("add").asDouble(), 1e-12);
        // step 4 (the second attempt's): rewards 0.38 and 0.038
        assertEquals(0.038, grpo.path("spread").path("series").path("rewardMean.min").get(4).asDouble(), 1e-12);
        assertEquals(0.38, grpo.path("spread").path("series").path("rewardMean.max").get(4).asDouble(), 1e-12);
        assertEquals((0.38 + 0.038) / 2, grpo.path("series").path("rewardMean").get(4).asDouble(), 1e-12);
        JsonNode forgetting = grpo.path("spread").path("forgetting").path("avalanche").path("add");
        assertEquals(0.5 - 0.4, forgetting.get(0).asDouble(), 1e-12, "seed 7's own forgetting of add");
        assertEquals(0.5 - 0.2, forgetting.get(1).asDouble(), 1e-12, "seed 8's");
        // ACC over seeds: (0.4 + 0.6) / 2 = 50 and (0.2 + 0.6) / 2 = 40
        assertTrue(page.contains("<td class=\"number\">45.0 ± 7.1 (2)</td>"), "grpo's ACC, mean ± sd (n)");
        assertTrue(page.contains("2 seeds (7, 8)"), "the header names the seeds");
    }

    @Test
    void aRunOfAnotherExperimentIsNotSummarisedWithItNamingIt() throws IOException {
        Path other = RunFixture.write(runs.resolve("other"));
        ExperimentSpec spec = ExperimentSpecFile.read(other.resolve("spec.json"));
        ExperimentSpecFile.write(other.resolve("spec.json"), new ExperimentSpec(spec.format(), spec.version(),
                spec.name(), spec.seed(), spec.base(), spec.curriculum(), spec.training(), spec.evaluation(),
                spec.arms().subList(0, 2), spec.drift(), spec.collapse()));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> ReportWriter.write(List.of(root, other), runs.resolve("x.html")));
        assertTrue(error.getMessage().startsWith(other + " holds a run of another experiment than " + root),
                error.getMessage());
    }

    @Test
    void everyFigureHasAContainerAndACaption() throws IOException {
        String page = Files.readString(ReportWriter.write(root).file());
        for (Figure.Section section : Figure.sections()) {
            for (Figure figure : section.figures()) {
                assertTrue(page.contains("data-figure=\"" + figure.kind() + "\""), figure.kind());
                assertTrue(page.contains("<figcaption>" + Html.text(figure.caption()) + "</figcaption>"),
                        figure.kind());
            }
        }
    }

    @Test
    void aDirectoryWithoutASpecIsRefusedNamingIt() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> ReportWriter.write(runs));
        assertTrue(error.getMessage().startsWith(runs + " is not an experiment's run directory: it has no spec.json"),
                error.getMessage());
    }

    @Test
    void aLogOfANewerVersionIsRefusedNamingTheFile() throws IOException {
        Path metrics = root.resolve("grpo").resolve("metrics.jsonl");
        Files.writeString(metrics, Files.readString(metrics).replaceAll("\"version\":\\d+", "\"version\":9"));
        IOException error = assertThrows(IOException.class, () -> ReportWriter.write(root));
        assertTrue(error.getMessage().contains(metrics + " is cpt4j-metrics version 9"), error.getMessage());
        assertFalse(Files.exists(root.resolve("report.html")), "no report is written from files it cannot read");
    }

    static String data(String page) {
        int start = page.indexOf(DATA_START) + DATA_START.length();
        return page.substring(start, page.indexOf("</script>", start));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<Long> longs(Iterable<JsonNode> nodes) {
        List<Long> values = new ArrayList<>();
        nodes.forEach(node -> {
            if (node.isArray()) {
                node.forEach(element -> values.add(element.asLong()));
            } else {
                values.add(node.asLong());
            }
        });
        return values;
    }
}
