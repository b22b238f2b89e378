package org.cpt4j.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which lines of an arm's logs are on its lineage. A rollback goes back to a checkpoint and goes on as the next
 * attempt; the lines of the attempt it abandoned stay in the logs. The step each attempt began at is read off
 * {@code metrics.jsonl}, which has a line for every step: a step of attempt {@code a} is on the lineage unless a
 * later attempt began at or before it, and a measurement taken after {@code n} steps (an evaluation, a drift) unless
 * a later attempt began before {@code n}, that is, went back further than the state it measured.
 */
final class Lineage {

    /** The first step of each attempt. */
    private final Map<Integer, Long> starts;

    private Lineage(Map<Integer, Long> starts) {
        this.starts = starts;
    }

    /** @return the lineage of an arm whose {@code metrics.jsonl} holds {@code metrics} */
    static Lineage of(List<JsonNode> metrics) {
        Map<Integer, Long> starts = new TreeMap<>();
        for (JsonNode line : metrics) {
            starts.merge(attempt(line), line.path("step").asLong(), Math::min);
        }
        return new Lineage(starts);
    }

    /** @return the lines of {@code steps} (0-based {@code step}, {@code attempt}) on the lineage, in order */
    List<JsonNode> steps(List<JsonNode> steps) {
        return steps.stream().filter(line -> starts.entrySet().stream().noneMatch(
                later -> later.getKey() > attempt(line) && later.getValue() <= line.path("step").asLong())).toList();
    }

    /** @return the lines of {@code measurements} ({@code step}: steps done, {@code attempt}) on the lineage */
    List<JsonNode> measurements(List<JsonNode> measurements) {
        return measurements.stream().filter(line -> starts.entrySet().stream().noneMatch(
                later -> later.getKey() > attempt(line) && later.getValue() < line.path("step").asLong())).toList();
    }

    private static int attempt(JsonNode line) {
        return line.path("attempt").asInt(0);
    }
}
