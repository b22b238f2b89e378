package org.cpt4j.plugins.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.PolicyComparison.ProbeResponse;
import org.cpt4j.testing.DriftMetricContract;
import org.cpt4j.testing.FixtureComparison;
import org.cpt4j.testing.FixtureParameters;
import org.junit.jupiter.api.Test;

class ResponseDriftTest extends DriftMetricContract {

    @Override
    protected DriftMetric driftMetric() {
        return new ResponseDrift();
    }

    @Test
    void countsChangedGreedyResponsesAndTheirLengthChangeAndPassesTheKlOn() {
        FixtureParameters parameters = FixtureParameters.random(new SplittableRandom(1));
        List<ProbeResponse> probes = List.of(
                new ProbeResponse("add", "1+2", "<a>3</a>", "<a>3</a>", 3, 3),
                new ProbeResponse("add", "2+2", "<a>4</a>", "<a>5</a>", 3, 3),
                new ProbeResponse("reverse", "abc", "<a>cba</a>", "<a>cbaaaaa</a>", 5, 9),
                new ProbeResponse("count", "aab", "<a>2</a>", "2", 3, 1));
        Map<String, Double> measured = new ResponseDrift().measure(new FixtureComparison(parameters, parameters, probes,
                0.25));
        assertEquals(Map.of("token_kl", 0.25, "greedy_changed", 0.75, "length_change", (0 + 0 + 4 - 2) / 4.0),
                measured);
    }
}
