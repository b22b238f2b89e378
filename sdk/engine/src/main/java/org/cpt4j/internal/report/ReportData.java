package org.cpt4j.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ContinualMeasures;

/**
 * The numbers the report's figures draw, as one JSON object the page's script reads: per arm the lineage's step
 * series, its evaluations, accuracy matrix, forgetting per domain under both conventions, drift after each stage
 * and its events; for the experiment the stages (where each begins) and the evaluated domains. A value that is not
 * finite is written as {@code null}, which the figures leave as a gap.
 */
final class ReportData {

    /** Step series taken from each line of {@code metrics.jsonl}, by field: those the figures draw. */
    static final List<String> STEP_SERIES = List.of("rewardMean", "formatValid", "entropy", "meanLength",
            "truncatedFraction", "repetition", "referenceKl", "gradientNorm");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportData() {
    }

    /** @return the figures' numbers for {@code record} */
    static ObjectNode of(ExperimentRecord record) {
        ObjectNode data = NODES.objectNode().put("experiment", record.spec().name());
        ArrayNode stages = data.putArray("stages");
        long start = 0;
        for (StageSpec stage : record.spec().curriculum().stages()) {
            stages.addObject().put("domain", stage.domain()).put("steps", stage.steps()).put("start", start);
            start += stage.steps();
        }
        ArrayNode domains = data.putArray("domains");
        record.spec().curriculum().evaluatedDomains().forEach(domains::add);
        ArrayNode arms = data.putArray("arms");
        for (ArmRecord arm : record.arms()) {
            arms.add(arm(arm));
        }
        return data;
    }

    private static ObjectNode arm(ArmRecord arm) {
        ObjectNode node = NODES.objectNode().put("name", arm.name()).put("objective", arm.spec().objective().id());
        if (arm.spec().teacher() != null) {
            node.put("teacher", arm.spec().teacher().id());
        }
        ArrayNode steps = node.putArray("steps");
        arm.steps().forEach(line -> steps.add(line.path("step").asLong()));
        ObjectNode series = node.putObject("series");
        for (String field : STEP_SERIES) {
            ArrayNode values = series.putArray(field);
            arm.steps().forEach(line -> values.add(number(line.path(field))));
        }
        Set<String> diagnosticNames = new LinkedHashSet<>();
        arm.steps().forEach(line -> line.path("diagnostics").fieldNames().forEachRemaining(diagnosticNames::add));
        ObjectNode diagnostics = node.putObject("diagnostics");
        for (String name : diagnosticNames) {
            ArrayNode values = diagnostics.putArray(name);
            arm.steps().forEach(line -> values.add(number(line.path("diagnostics").path(name))));
        }
        ArrayNode evaluations = node.putArray("evaluations");
        for (JsonNode point : arm.evaluations()) {
            ObjectNode entry = evaluations.addObject().put("step", point.path("step").asLong())
                    .put("stage", point.path("stage").asInt()).put("kind", point.path("kind").asText());
            ObjectNode accuracy = entry.putObject("accuracy");
            point.path("accuracy").fields().forEachRemaining(
                    field -> accuracy.set(field.getKey(), number(field.getValue())));
            if (!point.path("teacherAccuracy").isEmpty()) {
                ObjectNode teacher = entry.putObject("teacher");
                point.path("teacherAccuracy").fields().forEachRemaining(
                        field -> teacher.set(field.getKey(), number(field.getValue())));
            }
        }
        if (arm.matrix() != null) {
            node.set("matrix", matrix(arm.matrix()));
        }
        if (arm.measures() != null) {
            ContinualMeasures measures = arm.measures();
            ObjectNode forgetting = node.putObject("forgetting");
            forgetting.set("avalanche", numbers(measures.forgettingByDomain()));
            forgetting.set("chaudhry", numbers(measures.maximumForgettingByDomain()));
        }
        ArrayNode drift = node.putArray("drift");
        for (JsonNode line : arm.drift()) {
            ObjectNode entry = drift.addObject().put("stage", line.path("stage").asInt())
                    .put("metric", line.path("metric").asText());
            ObjectNode values = entry.putObject("values");
            line.path("values").fields().forEachRemaining(field -> values.set(field.getKey(), number(field.getValue())));
        }
        ArrayNode events = node.putArray("events");
        for (JsonNode event : arm.events()) {
            events.addObject().put("step", event.path("step").asLong()).put("attempt", event.path("attempt").asInt())
                    .put("type", event.path("type").asText()).put("label", EventText.label(event))
                    .put("detail", EventText.detail(event));
        }
        return node;
    }

    private static ObjectNode matrix(AccuracyMatrix matrix) {
        ObjectNode node = NODES.objectNode();
        ArrayNode rows = node.putArray("rows");
        matrix.rows().forEach(rows::add);
        ArrayNode values = node.putArray("values");
        for (double[] row : matrix.accuracy()) {
            ArrayNode entries = values.addArray();
            for (double value : row) {
                entries.add(number(value));
            }
        }
        return node;
    }

    private static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach((key, value) -> node.set(key, number(value)));
        return node;
    }

    private static JsonNode number(JsonNode value) {
        return value.isNumber() ? number(value.asDouble()) : NODES.nullNode();
    }

    private static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }
}
