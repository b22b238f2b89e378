package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpt4j.bench.BenchReport;
import org.cpt4j.bench.BenchSettings;
import org.cpt4j.engine.Cpt4jEngine;
import java.util.List;
import org.cpt4j.model.ModelConfig;
import org.junit.jupiter.api.Test;

/** Runs the real benchmark on tiny models (the standard sizes take minutes and belong to {@code cpt4j bench}). */
class BenchCommandTest {

    @Test
    void jsonReportHasBothSizesAndConsistentRatios() throws Exception {
        ModelConfig tiny = ModelConfig.of(m -> m.layers(1).width(16).heads(2).context(16).vocabulary(12));
        ModelConfig small = ModelConfig.of(m -> m.layers(2).width(32).heads(4).context(16).vocabulary(12));
        ModelConfig rl = ModelConfig.of(m -> m.layers(1).width(16).heads(2).context(32));
        BenchReport report = Cpt4jEngine.create().bench(new BenchSettings(tiny, small, 1, 6, 3, 2, 0.01,
                List.of(rl, ModelConfig.of(m -> m.layers(1).width(32).heads(2).context(32))), 2), line -> { });
        JsonNode json = new ObjectMapper().readTree(BenchCommand.toJson(report));

        assertEquals("cpt4j-bench", json.get("format").asText());
        assertTrue(json.get("gemm1024_gflops").asDouble() > 0);
        for (String size : new String[] {"reference", "large"}) {
            JsonNode model = json.get(size);
            double ratio = model.get("train_vs_gemm").asDouble();
            assertTrue(ratio > 0, size + ".train_vs_gemm was " + ratio);
            assertEquals(model.get("train_gflops").asDouble() / json.get("gemm1024_gflops").asDouble(), ratio, 1e-9);
            assertTrue(model.get("train_step_ms").asDouble() > 0);
            assertTrue(model.get("forward_ms").asDouble() > 0);
            assertTrue(model.get("gemm_at_model_shapes_gflops").size() == 5);
            assertTrue(model.get("memory").get("heap_after_bytes").asLong() > 0);
        }
        assertEquals(6, json.get("reference").get("timed_steps").asInt());
        JsonNode rlSteps = json.get("rl");
        assertEquals(4, rlSteps.size(), "each objective at each shape");
        assertEquals("1x16x2 grpo, 1x16x2 sdpo, 1x32x2 grpo, 1x32x2 sdpo", String.join(", ",
                java.util.stream.IntStream.range(0, 4).mapToObj(i -> rlSteps.get(i).get("model").asText() + " "
                        + rlSteps.get(i).get("objective").asText()).toList()));
        assertTrue(rlSteps.get(1).get("scoring_ms").asDouble() > 0 && rlSteps.get(0).get("total_ms").asDouble() > 0);
        for (JsonNode step : rlSteps) {
            for (String phase : new String[] {"sampling", "scoring", "training", "total"}) {
                double gflop = step.get("gflop").get(phase).asDouble();
                assertTrue(gflop > 0, step.get("model").asText() + " " + phase + " counted no work");
                assertEquals(gflop / json.get("gemm1024_gflops").asDouble() * 1e3 / step.get(phase + "_ms").asDouble(),
                        step.get("arithmetic_share").get(phase).asDouble(), 1e-9, phase);
            }
            JsonNode gflop = step.get("gflop");
            assertEquals(gflop.get("sampling").asDouble() + gflop.get("scoring").asDouble()
                    + gflop.get("training").asDouble(), gflop.get("total").asDouble(), 1e-12);
        }
        assertTrue(rlSteps.get(2).get("gflop").get("training").asDouble()
                > rlSteps.get(0).get("gflop").get("training").asDouble(), "the wider model counts more work");
        JsonNode sampling = json.get("sampling");
        assertTrue(sampling.get("generated_tokens").asLong() > 0);
        assertEquals(sampling.get("cached_tokens_per_second").asDouble()
                / sampling.get("recompute_tokens_per_second").asDouble(), sampling.get("cache_speedup").asDouble(), 1e-9);
        assertEquals(2, json.get("large").get("layers").asInt());
    }
}
