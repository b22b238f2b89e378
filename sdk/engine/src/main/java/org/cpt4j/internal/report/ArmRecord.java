package org.cpt4j.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.experiment.CurriculumSpec;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.store.JsonLines;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ContinualMeasures;
import org.jspecify.annotations.Nullable;

/**
 * What one arm's directory holds, as the report reads it: the lineage's steps, evaluations and drift, every event
 * (those of abandoned attempts too, since they say why an attempt was abandoned), the sampled rollouts, and the
 * accuracy matrix with its measures over the stages finished so far.
 *
 * @param spec the arm's spec
 * @param steps {@code metrics.jsonl}'s lines on the lineage
 * @param evaluations {@code evaluations.jsonl}'s lines on the lineage
 * @param drift {@code drift.jsonl}'s lines on the lineage
 * @param events every line of {@code events.jsonl}
 * @param samples every line of {@code samples.jsonl} on the lineage
 * @param matrix the base row and a row per finished stage (the last one where a collapse rule stopped the arm),
 *     or null before the base was evaluated
 * @param measures the measures of {@code matrix} over the finished stages, or null before the first stage ended
 * @param finished whether the arm wrote its {@code measures.json} (it ran to its end, or a collapse rule stopped it)
 */
record ArmRecord(ArmSpec spec, List<JsonNode> steps, List<JsonNode> evaluations, List<JsonNode> drift,
                 List<JsonNode> events, List<JsonNode> samples, @Nullable AccuracyMatrix matrix,
                 @Nullable ContinualMeasures measures, boolean finished) {

    /** @return the arm {@code spec} as its directory {@code directory} holds it (empty when it was never started) */
    static ArmRecord read(Path directory, ArmSpec spec, CurriculumSpec curriculum, ObjectMapper json)
            throws IOException {
        List<JsonNode> metrics = new JsonLines(directory.resolve(FileFormat.METRICS.file()), FileFormat.METRICS, json).lines();
        Lineage lineage = Lineage.of(metrics);
        List<JsonNode> evaluations = lineage.measurements(
                new JsonLines(directory.resolve(FileFormat.EVALUATIONS.file()), FileFormat.EVALUATIONS, json).lines());
        AccuracyMatrix matrix = matrix(spec.name(), evaluations, curriculum);
        ContinualMeasures measures = matrix == null || matrix.rows().size() < 2 ? null
                : ContinualMeasures.of(matrix, curriculum.stageDomains().subList(0, matrix.rows().size() - 1));
        return new ArmRecord(spec, lineage.steps(metrics), evaluations,
                lineage.measurements(new JsonLines(directory.resolve(FileFormat.DRIFT.file()), FileFormat.DRIFT, json).lines()),
                new JsonLines(directory.resolve(FileFormat.EVENTS.file()), FileFormat.EVENTS, json).lines(),
                lineage.steps(new JsonLines(directory.resolve(FileFormat.SAMPLES.file()), FileFormat.SAMPLES, json)
                        .lines()),
                matrix, measures, Files.exists(directory.resolve(FileFormat.MEASURES.file())));
    }

    /** @return the arm's name */
    String name() {
        return spec.name();
    }

    /** @return the steps done on the lineage */
    long stepsDone() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).path("step").asLong() + 1;
    }

    /** @return the base's evaluation, then each stage end's, as an accuracy matrix; null without the base's */
    private static @Nullable AccuracyMatrix matrix(String arm, List<JsonNode> evaluations, CurriculumSpec curriculum) {
        List<String> domains = curriculum.evaluatedDomains();
        List<String> rows = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (JsonNode point : evaluations) {
            String kind = point.path("kind").asText();
            boolean base = kind.equals("BASE");
            boolean row = base ? rows.isEmpty() : !rows.isEmpty() && (kind.equals("STAGE_END") || kind.equals("STOPPED"));
            if (!row) {
                continue;
            }
            String stage = curriculum.stages().get(point.path("stage").asInt()).domain();
            rows.add(base ? "base" : "after " + stage
                    + (kind.equals("STOPPED") ? " (stopped at step " + point.path("step").asLong() + ")" : ""));
            values.add(domains.stream().mapToDouble(domain -> point.path("accuracy").path(domain).asDouble(Double.NaN))
                    .toArray());
        }
        return rows.isEmpty() ? null : new AccuracyMatrix(arm, domains, rows, values.toArray(double[][]::new));
    }
}
