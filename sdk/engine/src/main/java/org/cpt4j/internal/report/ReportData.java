package org.cpt4j.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ContinualMeasures;

/**
 * The numbers the report's figures draw, as one JSON object the page's script reads: for the experiment the stages
 * (where each begins), the evaluated domains and the seeds; per arm its step series, evaluations, accuracy matrix,
 * forgetting per domain under both conventions, drift after each stage and its events. Over several seeds of one
 * experiment each number is the mean over the seeds that have it, and {@code spread} holds the lowest and highest
 * seed's value beside it (the figures draw it as a band); with one seed there is no spread. A value that is not
 * finite is written as {@code null}, which the figures leave as a gap.
 */
final class ReportData {

    /** Step series taken from each line of {@code metrics.jsonl}, by field: those a figure draws. */
    static final List<String> STEP_SERIES = Figure.sections().stream().flatMap(section -> section.figures().stream())
            .map(Figure::kind).filter(kind -> kind.startsWith(Figure.STEPS)).map(kind -> kind.substring(
                    Figure.STEPS.length())).toList();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportData() {
    }

    /** @return the figures' numbers for the seeds {@code runs} of one experiment (the first one's spec) */
    static ObjectNode of(List<ExperimentRecord> runs) {
        ExperimentRecord first = runs.get(0);
        ObjectNode data = NODES.objectNode().put("experiment", first.spec().name());
        ArrayNode seeds = data.putArray("seeds");
        runs.forEach(run -> seeds.add(run.spec().seed()));
        ArrayNode stages = data.putArray("stages");
        long start = 0;
        for (StageSpec stage : first.spec().curriculum().stages()) {
            stages.addObject().put("domain", stage.domain()).put("steps", stage.steps()).put("start", start);
            start += stage.steps();
        }
        ArrayNode domains = data.putArray("domains");
        first.spec().curriculum().evaluatedDomains().forEach(domains::add);
        ArrayNode arms = data.putArray("arms");
        for (int a = 0; a < first.arms().size(); a++) {
            int arm = a;
            arms.add(arm(runs.stream().map(run -> run.arms().get(arm)).toList(), runs));
        }
        return data;
    }

    private static ObjectNode arm(List<ArmRecord> seeds, List<ExperimentRecord> runs) {
        ArmRecord first = seeds.get(0);
        ObjectNode node = NODES.objectNode().put("name", first.name()).put("objective", first.spec().objective().id());
        if (first.spec().teacher() != null) {
            node.put("teacher", first.spec().teacher().id());
        }
        boolean spread = seeds.size() > 1;
        ObjectNode spreads = NODES.objectNode();

        // the steps any seed reached, each series' values at each, over the seeds that reached it
        Set<Long> allSteps = new TreeSet<>();
        seeds.forEach(seed -> seed.steps().forEach(line -> allSteps.add(line.path("step").asLong())));
        ArrayNode steps = node.putArray("steps");
        allSteps.forEach(steps::add);
        List<Map<Long, JsonNode>> byStep = seeds.stream().map(seed -> {
            Map<Long, JsonNode> lines = new TreeMap<>();
            seed.steps().forEach(line -> lines.put(line.path("step").asLong(), line));
            return lines;
        }).toList();
        ObjectNode series = node.putObject("series");
        ObjectNode seriesSpread = NODES.objectNode();
        for (String field : STEP_SERIES) {
            summarise(allSteps, byStep, line -> line.path(field), series, seriesSpread, field, spread);
        }
        Set<String> diagnosticNames = new LinkedHashSet<>();
        seeds.forEach(seed -> seed.steps().forEach(line -> line.path("diagnostics").fieldNames()
                .forEachRemaining(diagnosticNames::add)));
        ObjectNode diagnostics = node.putObject("diagnostics");
        ObjectNode diagnosticsSpread = NODES.objectNode();
        for (String name : diagnosticNames) {
            summarise(allSteps, byStep, line -> line.path("diagnostics").path(name), diagnostics, diagnosticsSpread,
                    name, spread);
        }

        node.set("evaluations", evaluations(seeds, spread));
        List<AccuracyMatrix> matrices = seeds.stream().map(ArmRecord::matrix).filter(m -> m != null).toList();
        if (matrices.size() == seeds.size()) {
            node.set("matrix", matrix(matrices));
        }
        List<ContinualMeasures> measures = seeds.stream().map(ArmRecord::measures).filter(m -> m != null).toList();
        if (!measures.isEmpty()) {
            ObjectNode forgetting = node.putObject("forgetting");
            forgetting.set("avalanche", meanByKey(measures.stream().map(ContinualMeasures::forgettingByDomain).toList()));
            forgetting.set("chaudhry", meanByKey(measures.stream().map(ContinualMeasures::maximumForgettingByDomain)
                    .toList()));
            if (spread) {
                ObjectNode perSeed = spreads.putObject("forgetting");
                perSeed.set("avalanche", perSeedByKey(measures.stream().map(ContinualMeasures::forgettingByDomain)
                        .toList()));
                perSeed.set("chaudhry", perSeedByKey(measures.stream()
                        .map(ContinualMeasures::maximumForgettingByDomain).toList()));
            }
        }
        node.set("drift", drift(seeds, spread));
        ArrayNode events = node.putArray("events");
        for (int s = 0; s < seeds.size(); s++) {
            String seedLabel = spread ? "seed " + runs.get(s).spec().seed() + ": " : "";
            for (JsonNode event : seeds.get(s).events()) {
                events.addObject().put("step", event.path("step").asLong())
                        .put("label", seedLabel + EventText.label(event)).put("detail", EventText.detail(event));
            }
        }
        if (spread) {
            spreads.set("series", seriesSpread);
            spreads.set("diagnostics", diagnosticsSpread);
            node.set("spread", spreads);
        }
        return node;
    }

    /** Writes {@code values[name]} (the mean at each of {@code steps}) and, over seeds, {@code spreads[name]}. */
    private static void summarise(Set<Long> steps, List<Map<Long, JsonNode>> byStep, Function<JsonNode, JsonNode> pick,
                                  ObjectNode values, ObjectNode spreads, String name, boolean spread) {
        ArrayNode means = values.putArray(name);
        ArrayNode lows = spread ? spreads.putArray(name + ".min") : null;
        ArrayNode highs = spread ? spreads.putArray(name + ".max") : null;
        for (long step : steps) {
            List<Double> found = new ArrayList<>();
            for (Map<Long, JsonNode> seed : byStep) {
                JsonNode line = seed.get(step);
                if (line != null && pick.apply(line).isNumber()) {
                    found.add(pick.apply(line).asDouble());
                }
            }
            SeedSummary summary = SeedSummary.of(found);
            means.add(number(summary.mean()));
            if (spread) {
                lows.add(number(summary.min()));
                highs.add(number(summary.max()));
            }
        }
    }

    /** Evaluations at the same step, kind and stage in every seed, with each domain's mean (and spread). */
    private static ArrayNode evaluations(List<ArmRecord> seeds, boolean spread) {
        Map<String, List<JsonNode>> points = new LinkedHashMap<>();
        for (ArmRecord seed : seeds) {
            for (JsonNode point : seed.evaluations()) {
                points.computeIfAbsent(point.path("step").asLong() + "/" + point.path("kind").asText() + "/"
                        + point.path("stage").asInt(), key -> new ArrayList<>()).add(point);
            }
        }
        ArrayNode evaluations = NODES.arrayNode();
        points.values().stream().sorted(Comparator.comparingLong(p -> p.get(0).path("step").asLong()))
                .forEach(same -> {
                    JsonNode first = same.get(0);
                    ObjectNode entry = evaluations.addObject().put("step", first.path("step").asLong())
                            .put("stage", first.path("stage").asInt()).put("kind", first.path("kind").asText());
                    entry.set("accuracy", meanOfFields(same, "accuracy"));
                    if (same.stream().anyMatch(point -> !point.path("teacherAccuracy").isEmpty())) {
                        entry.set("teacher", meanOfFields(same, "teacherAccuracy"));
                    }
                    if (spread) {
                        entry.set("min", extremeOfFields(same, "accuracy", true));
                        entry.set("max", extremeOfFields(same, "accuracy", false));
                    }
                });
        return evaluations;
    }

    /** Each drift value after each stage, the mean over the seeds (and their spread). */
    private static ArrayNode drift(List<ArmRecord> seeds, boolean spread) {
        Map<String, List<JsonNode>> measured = new LinkedHashMap<>();
        for (ArmRecord seed : seeds) {
            for (JsonNode line : seed.drift()) {
                measured.computeIfAbsent(line.path("stage").asInt() + "/" + line.path("metric").asText(),
                        key -> new ArrayList<>()).add(line);
            }
        }
        ArrayNode drift = NODES.arrayNode();
        measured.values().forEach(same -> {
            ObjectNode entry = drift.addObject().put("stage", same.get(0).path("stage").asInt())
                    .put("metric", same.get(0).path("metric").asText());
            entry.set("values", meanOfFields(same, "values"));
            if (spread) {
                entry.set("min", extremeOfFields(same, "values", true));
                entry.set("max", extremeOfFields(same, "values", false));
            }
        });
        return drift;
    }

    /** The matrix of the rows every seed has, each cell the mean over the seeds. */
    private static ObjectNode matrix(List<AccuracyMatrix> matrices) {
        int rows = matrices.stream().mapToInt(m -> m.rows().size()).min().orElseThrow();
        ObjectNode node = NODES.objectNode();
        ArrayNode names = node.putArray("rows");
        matrices.get(0).rows().subList(0, rows).forEach(names::add);
        ArrayNode values = node.putArray("values");
        for (int r = 0; r < rows; r++) {
            ArrayNode entries = values.addArray();
            for (int c = 0; c < matrices.get(0).domains().size(); c++) {
                List<Double> cell = new ArrayList<>();
                for (AccuracyMatrix matrix : matrices) {
                    cell.add(matrix.accuracy()[r][c]);
                }
                entries.add(number(SeedSummary.of(cell).mean()));
            }
        }
        return node;
    }

    private static ObjectNode meanOfFields(List<JsonNode> nodes, String field) {
        ObjectNode mean = NODES.objectNode();
        for (String key : keys(nodes, field)) {
            mean.set(key, number(SeedSummary.of(values(nodes, field, key)).mean()));
        }
        return mean;
    }

    private static ObjectNode extremeOfFields(List<JsonNode> nodes, String field, boolean lowest) {
        ObjectNode extreme = NODES.objectNode();
        for (String key : keys(nodes, field)) {
            SeedSummary summary = SeedSummary.of(values(nodes, field, key));
            extreme.set(key, number(lowest ? summary.min() : summary.max()));
        }
        return extreme;
    }

    private static Set<String> keys(List<JsonNode> nodes, String field) {
        Set<String> keys = new LinkedHashSet<>();
        nodes.forEach(node -> node.path(field).fieldNames().forEachRemaining(keys::add));
        return keys;
    }

    private static List<Double> values(List<JsonNode> nodes, String field, String key) {
        return nodes.stream().map(node -> node.path(field).path(key)).filter(JsonNode::isNumber)
                .map(JsonNode::asDouble).toList();
    }

    private static ObjectNode meanByKey(List<Map<String, Double>> maps) {
        ObjectNode node = NODES.objectNode();
        Set<String> keys = new LinkedHashSet<>();
        maps.forEach(map -> keys.addAll(map.keySet()));
        for (String key : keys) {
            node.set(key, number(SeedSummary.of(maps.stream().filter(map -> map.containsKey(key))
                    .map(map -> map.get(key)).toList()).mean()));
        }
        return node;
    }

    private static ObjectNode perSeedByKey(List<Map<String, Double>> maps) {
        ObjectNode node = NODES.objectNode();
        Set<String> keys = new LinkedHashSet<>();
        maps.forEach(map -> keys.addAll(map.keySet()));
        for (String key : keys) {
            ArrayNode values = node.putArray(key);
            maps.stream().filter(map -> map.containsKey(key)).forEach(map -> values.add(number(map.get(key))));
        }
        return node;
    }

    private static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }
}
