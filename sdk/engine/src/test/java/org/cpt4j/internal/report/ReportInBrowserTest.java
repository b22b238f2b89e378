package org.cpt4j.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a person sees it: the fixture's report opened in headless Chromium, which runs the page's script,
 * then the DOM it built and a screenshot are checked. Needs Chromium (Debian's {@code chromium} package, or
 * {@code CPT4J_CHROMIUM} naming the binary), so it runs in the {@code browser} group: {@code .ci/run} installs
 * Chromium and runs it; {@code mvn -B verify -Pbrowser} runs it by hand. The screenshot is kept as
 * {@code target/report-in-browser.png} for a person to look at.
 */
@Tag("browser")
class ReportInBrowserTest {

    private static final Pattern FIGURE = Pattern.compile("data-figure=\"([^\"]+)\"(.*?)</figure>", Pattern.DOTALL);

    @TempDir
    Path directory;

    @Test
    void theReportOfARunDrawsEveryFigureInHeadlessChromiumAndRunsNothingFromTheRun() throws Exception {
        Path report = ReportWriter.write(RunFixture.write(directory.resolve("runs"))).file();
        assertEveryFigureDrawn(report);

        Path screenshot = directory.resolve("report.png");
        chromium("--screenshot=" + screenshot, "--window-size=1280,2400", report.toUri().toString());
        BufferedImage image = ImageIO.read(screenshot.toFile());
        Files.createDirectories(Path.of("target"));
        Files.copy(screenshot, Path.of("target", "report-in-browser.png"), StandardCopyOption.REPLACE_EXISTING);
        long inked = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                inked += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        double share = inked / (image.getWidth() * image.getHeight() / 4.0);
        assertTrue(share > 0.05, "the screenshot is nearly blank: " + share + " of it is not white");
        assertTrue(colours.size() > 100, "the screenshot has " + colours.size() + " colours: no charts drawn?");
    }

    @Test
    void theReportOverTwoSeedsDrawsEveryFigureWithItsBands() throws Exception {
        Path runs = directory.resolve("runs");
        Path report = ReportWriter.write(List.of(RunFixture.write(runs), RunFixture.writeSecondSeed(runs)),
                directory.resolve("over-seeds.html")).file();
        String dom = assertEveryFigureDrawn(report);
        assertTrue(dom.contains("fill-opacity=\"0.18\"") || dom.contains("opacity=\"0.18\""),
                "the seeds' bands are drawn (report.js fills them at opacity 0.18)");
    }

    /** @return the DOM of {@code report} once its script ran, after checking that every figure drew */
    private String assertEveryFigureDrawn(Path report) throws IOException, InterruptedException {
        String dom = chromium("--dump-dom", report.toUri().toString());

        assertTrue(dom.contains("data-rendered=\"ok\""), "the page's script ran to its end without a failed figure:\n"
                + dom.substring(dom.indexOf("<body"), dom.indexOf("<body") + 300));
        assertTrue(dom.contains("<title>fixture · cpt4j report</title>"), "no script from the run changed the title");
        List<String> undrawn = new ArrayList<>();
        Matcher figures = FIGURE.matcher(dom);
        int count = 0;
        while (figures.find()) {
            count++;
            if (!figures.group(2).contains("<svg")) {
                undrawn.add(figures.group(1));
            }
        }
        assertEquals(Figure.sections().stream().mapToInt(section -> section.figures().size()).sum(), count);
        assertEquals(List.of(), undrawn, "figures without a drawing");
        return dom;
    }

    /** @return what Chromium printed, run headless on {@code arguments} with a fresh profile */
    private String chromium(String... arguments) throws IOException, InterruptedException {
        String binary = System.getenv().getOrDefault("CPT4J_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(binary))) {
            fail("headless Chromium is needed for this check and " + binary + " is not there: install Debian's "
                    + "chromium package (apt-get install chromium) or set CPT4J_CHROMIUM to a Chromium binary");
        }
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory(directory,
                        "profile"), "--virtual-time-budget=15000"));
        command.addAll(List.of(arguments));
        Path output = directory.resolve("chromium.out");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(directory.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 120 s: " + command);
        }
        assertEquals(0, process.exitValue(), "Chromium failed: "
                + Files.readString(directory.resolve("chromium.err"), StandardCharsets.UTF_8));
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
