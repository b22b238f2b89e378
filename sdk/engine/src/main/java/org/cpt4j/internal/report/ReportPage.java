package org.cpt4j.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.run.ContinualMeasures;

/**
 * The HTML of {@code report.html}: the summary, events, sampled rollouts and provenance as tables written here
 * (every text from the run escaped, {@link Html}), the figures as containers the page's script draws into from the
 * data, and the script, its style and Apache ECharts inlined, so that the file opens offline.
 */
final class ReportPage {

    private static final String RESOURCES = "/org/cpt4j/internal/report/";
    /** The ECharts runtime, unpacked from its webjar at build time (sdk/engine/pom.xml). */
    private static final String CHARTS_RUNTIME = RESOURCES + "echarts/echarts.min.js";

    private ReportPage() {
    }

    /**
     * @param seeds the run directories of one experiment, one per seed (one for a single run); the first one's spec
     *     names the experiment
     * @return the page
     */
    static String of(List<ExperimentRecord> seeds) throws IOException {
        ExperimentRecord record = seeds.get(0);
        ExperimentSpec spec = record.spec();
        StringBuilder page = new StringBuilder(1 << 20);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.text(spec.name())).append(" · cpt4j report</title>\n")
                .append("<style>\n").append(resource(RESOURCES + "report.css")).append("</style>\n</head>\n<body>\n");
        header(page, seeds);
        summary(page, seeds);
        for (Figure.Section section : Figure.sections()) {
            page.append("<section id=\"").append(section.id()).append("\">\n<h2>").append(Html.text(section.title()))
                    .append("</h2>\n");
            for (Figure figure : section.figures()) {
                page.append("<figure>\n<h3>").append(Html.text(figure.title())).append("</h3>\n")
                        .append("<div class=\"chart\" data-figure=\"").append(Html.text(figure.kind()))
                        .append("\"></div>\n<figcaption>").append(Html.text(figure.caption()))
                        .append("</figcaption>\n</figure>\n");
            }
            page.append("</section>\n");
        }
        events(page, seeds);
        samples(page, record, seeds.size());
        page.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
        for (ExperimentRecord seed : seeds) {
            provenance(page, seed, seeds.size());
        }
        page.append("</section>\n");
        page.append("<footer>Written by cpt4j from the files of ").append(Html.text(seeds.stream()
                        .map(seed -> seed.directory().toString()).collect(Collectors.joining(", "))))
                .append(". Charts drawn with Apache ECharts (Apache License 2.0), inlined in this page.</footer>\n")
                .append("<script type=\"application/json\" id=\"cpt4j-data\">")
                .append(Html.scriptJson(ReportData.of(seeds))).append("</script>\n")
                .append("<script>\n").append(resource(CHARTS_RUNTIME)).append("\n</script>\n")
                .append("<script>\n").append(resource(RESOURCES + "report.js")).append("\n</script>\n")
                .append("</body>\n</html>\n");
        return page.toString();
    }

    private static void header(StringBuilder page, List<ExperimentRecord> seeds) {
        ExperimentSpec spec = seeds.get(0).spec();
        page.append("<header>\n<h1>").append(Html.text(spec.name())).append("</h1>\n<p class=\"lead\">")
                .append(spec.arms().size()).append(spec.arms().size() == 1 ? " arm" : " arms").append(" · stages ")
                .append(Html.text(spec.curriculum().stages().stream()
                        .map(stage -> stage.domain() + " (" + stage.steps() + " steps)")
                        .collect(Collectors.joining(" → "))))
                .append(" · evaluated on ").append(Html.text(String.join(", ", spec.curriculum().evaluatedDomains())))
                .append(seeds.size() == 1 ? " · seed " + spec.seed() : " · " + seeds.size() + " seeds ("
                        + seeds.stream().map(seed -> String.valueOf(seed.spec().seed())).collect(Collectors.joining(", "))
                        + "): each curve is the mean over the seeds, its band the lowest to the highest seed")
                .append("</p>\n");
        List<String> missing = new ArrayList<>();
        for (ExperimentRecord seed : seeds) {
            seed.missing().forEach(line -> missing.add(seeds.size() == 1 ? line : "seed " + seed.spec().seed() + ": "
                    + line));
        }
        if (missing.isEmpty()) {
            page.append("<p class=\"status complete\">Complete: every arm ran to its end.</p>\n");
        } else {
            page.append("<div class=\"status partial\"><p>Partial: this report shows what the run has written "
                    + "so far. Missing:</p>\n<ul>\n");
            missing.forEach(line -> page.append("<li>").append(Html.text(line)).append("</li>\n"));
            page.append("</ul></div>\n");
        }
        page.append("<nav>");
        for (Figure.Section section : Figure.sections()) {
            page.append("<a href=\"#").append(section.id()).append("\">").append(Html.text(section.title()))
                    .append("</a> ");
        }
        page.append("<a href=\"#events\">Events</a> <a href=\"#samples\">Rollouts</a> ")
                .append("<a href=\"#provenance\">Provenance</a></nav>\n</header>\n");
    }

    /** Each arm's measures: its value for one seed, the mean ± the standard deviation (n seeds) over several. */
    private static void summary(StringBuilder page, List<ExperimentRecord> seeds) {
        page.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<thead><tr><th>arm</th><th>objective</th>"
                + "<th>teacher</th><th>steps</th><th title=\"mean final accuracy over the stages' domains (GEM)\">ACC"
                + "</th><th title=\"backward transfer (GEM); negative is forgetting\">BWT</th>"
                + "<th title=\"forward transfer (GEM)\">FWT</th><th title=\"Avalanche's stream forgetting\">"
                + "forgetting</th><th title=\"Chaudhry et al. 2018\">max forgetting</th>"
                + "<th title=\"mean gain on the domain being trained\">plasticity</th><th>events</th></tr></thead>\n"
                + "<tbody>\n");
        List<Function<ContinualMeasures, Double>> columns = List.of(ContinualMeasures::accuracy,
                ContinualMeasures::backwardTransfer, ContinualMeasures::forwardTransfer, ContinualMeasures::forgetting,
                ContinualMeasures::maximumForgetting, ContinualMeasures::plasticity);
        for (int a = 0; a < seeds.get(0).arms().size(); a++) {
            int index = a;
            List<ArmRecord> arm = seeds.stream().map(seed -> seed.arms().get(index)).toList();
            ArmRecord first = arm.get(0);
            List<ContinualMeasures> measures = arm.stream().map(ArmRecord::measures).filter(m -> m != null).toList();
            LongSummaryStatistics steps = arm.stream().mapToLong(ArmRecord::stepsDone).summaryStatistics();
            page.append("<tr><td>").append(Html.text(first.name())).append("</td><td>")
                    .append(Html.text(first.spec().objective().id())).append("</td><td>")
                    .append(first.spec().teacher() == null ? "—" : Html.text(first.spec().teacher().id()))
                    .append("</td><td class=\"number\">").append(steps.getMin() == steps.getMax() ? steps.getMin()
                            : steps.getMin() + "–" + steps.getMax()).append("</td>");
            for (Function<ContinualMeasures, Double> column : columns) {
                SeedSummary summary = SeedSummary.of(measures.stream().map(column).toList());
                page.append("<td class=\"number\">").append(seeds.size() == 1 ? points(summary.mean())
                        : summary.count() == 0 ? "n/a" : points(summary.mean()) + " ± "
                        + points(summary.standardDeviation()) + " (" + summary.count() + ")").append("</td>");
            }
            page.append("<td class=\"number\">").append(arm.stream().mapToInt(seed -> seed.events().size()).sum())
                    .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n<p class=\"note\">Accuracy measures in points (percent of the held-out "
                + "prompts), over the stages finished so far; n/a where a measure needs two stages.")
                .append(seeds.size() == 1 ? "" : " Over seeds: the mean ± the sample standard deviation, and in "
                        + "brackets how many seeds have the measure.")
                .append("</p>\n</section>\n");
    }

    private static void events(StringBuilder page, List<ExperimentRecord> seeds) {
        page.append("<section id=\"events\">\n<h2>Events</h2>\n");
        boolean any = seeds.stream().flatMap(seed -> seed.arms().stream()).anyMatch(arm -> !arm.events().isEmpty());
        if (!any) {
            page.append("<p>No collapse events, rollbacks or plugin failures.</p>\n</section>\n");
            return;
        }
        page.append("<table>\n<thead><tr><th>seed</th><th>arm</th><th>step</th><th>attempt</th><th>event</th>"
                + "<th>evidence</th></tr></thead>\n<tbody>\n");
        for (ExperimentRecord seed : seeds) {
            for (ArmRecord arm : seed.arms()) {
                for (JsonNode event : arm.events()) {
                    page.append("<tr><td class=\"number\">").append(seed.spec().seed()).append("</td><td>")
                            .append(Html.text(arm.name())).append("</td><td class=\"number\">")
                            .append(event.path("step").asLong()).append("</td><td class=\"number\">")
                            .append(event.path("attempt").asInt()).append("</td><td>")
                            .append(Html.text(EventText.label(event))).append("</td><td>")
                            .append(Html.text(EventText.detail(event))).append("</td></tr>\n");
                }
            }
        }
        page.append("</tbody>\n</table>\n</section>\n");
    }

    private static void samples(StringBuilder page, ExperimentRecord record, int seeds) {
        page.append("<section id=\"samples\">\n<h2>Sampled rollouts</h2>\n<p class=\"note\">The first response to "
                + "each of the first prompts of every stage's first and last step, as the arm sampled it")
                .append(seeds == 1 ? "" : ", in the run of seed " + record.spec().seed()).append(".</p>\n");
        for (ArmRecord arm : record.arms()) {
            page.append("<details><summary>").append(Html.text(arm.name())).append(" (").append(arm.samples().size())
                    .append(" rollouts)</summary>\n");
            if (!arm.samples().isEmpty()) {
                page.append("<table class=\"rollouts\">\n<thead><tr><th>stage</th><th>step</th><th>question</th>"
                        + "<th>response</th><th>reward</th><th>verdict</th><th>teacher's context</th></tr></thead>\n"
                        + "<tbody>\n");
                for (JsonNode sample : arm.samples()) {
                    int stage = sample.path("stage").asInt();
                    page.append("<tr><td>").append(stage + 1).append(' ')
                            .append(Html.text(record.spec().curriculum().stages().get(stage).domain()))
                            .append("</td><td class=\"number\">").append(sample.path("step").asLong())
                            .append("</td><td><pre>").append(Html.text(sample.path("question").asText()))
                            .append("</pre></td><td><pre>").append(Html.text(sample.path("response").asText()))
                            .append("</pre></td><td class=\"number\">")
                            .append(sample.path("reward").isNumber()
                                    ? String.format(Locale.ROOT, "%.2f", sample.path("reward").asDouble()) : "unscorable")
                            .append("</td><td>").append(sample.path("correct").asBoolean() ? "correct"
                                    : sample.path("formatValid").asBoolean() ? "wrong" : "malformed")
                            .append("</td><td><pre>").append(Html.text(sample.path("teacherContext").asText("—")))
                            .append("</pre></td></tr>\n");
                }
                page.append("</tbody>\n</table>\n");
            }
            page.append("</details>\n");
        }
        page.append("</section>\n");
    }

    /** Each session of the run (the latest open), its fields flattened to rows: {@code cpt4j commit}, ... */
    private static void provenance(StringBuilder page, ExperimentRecord record, int seeds) {
        if (seeds > 1) {
            page.append("<h3>Seed ").append(record.spec().seed()).append(" (")
                    .append(Html.text(record.directory().toString())).append(")</h3>\n");
        }
        JsonNode sessions = record.provenance() == null ? null : record.provenance().path("sessions");
        if (sessions == null || sessions.isEmpty()) {
            page.append("<p>This run records no provenance (it was made by a cpt4j that did not write "
                    + "provenance.json).</p>\n");
            return;
        }
        for (int i = sessions.size() - 1; i >= 0; i--) {
            JsonNode session = sessions.get(i);
            page.append(i == sessions.size() - 1 ? "<details open>" : "<details>").append("<summary>Session ")
                    .append(i + 1).append(" of ").append(sessions.size()).append(": started ")
                    .append(Html.text(session.path("started").asText())).append(", ")
                    .append(session.path("finished").isTextual()
                            ? "finished " + Html.text(session.path("finished").asText())
                            : "did not finish (killed, failed, or still running)")
                    .append("</summary>\n<table class=\"provenance\">\n<tbody>\n");
            rows(page, "", session);
            page.append("</tbody>\n</table>\n</details>\n");
        }
    }

    private static void rows(StringBuilder page, String prefix, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            String name = prefix.isEmpty() ? field.getKey() : prefix + " " + field.getKey();
            if (field.getValue().isObject()) {
                rows(page, name, field.getValue());
            } else {
                page.append("<tr><th>").append(Html.text(name)).append("</th><td>")
                        .append(Html.text(field.getValue().isNull() ? "—" : field.getValue().asText()))
                        .append("</td></tr>\n");
            }
        });
    }

    private static String points(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the report's resource " + name + " is missing from the engine's jar (was it "
                        + "built with Maven, which unpacks the ECharts runtime?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
