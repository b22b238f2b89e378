package org.cpt4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cpt4j.drift.ParameterView;
import org.cpt4j.drift.PolicyComparison;

/**
 * A {@link PolicyComparison} held in plain values: two parameter sets, probe responses and a sampled-token KL,
 * for drift-metric tests.
 *
 * @param reference the reference policy's parameters
 * @param current the current policy's parameters
 * @param greedyResponses both policies' greedy responses to the probes
 * @param sampledTokenKl the per-token KL on the current policy's samples
 */
public record FixtureComparison(ParameterView reference, ParameterView current, List<ProbeResponse> greedyResponses,
                                double sampledTokenKl) implements PolicyComparison {

    private static final String[] DOMAINS = {"add", "reverse", "count"};

    public FixtureComparison {
        greedyResponses = List.copyOf(greedyResponses);
    }

    /** @return a policy compared with itself: the same parameters, the same responses, KL 0 */
    public static FixtureComparison identical(FixtureParameters policy, SplittableRandom random) {
        List<ProbeResponse> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String answer = answer(random);
            responses.add(new ProbeResponse(DOMAINS[i % DOMAINS.length], "q" + i, answer, answer, answer.length(),
                    answer.length()));
        }
        return new FixtureComparison(policy, policy, responses, 0);
    }

    /**
     * @return {@code reference} against {@code current}, with about {@code changed} of the 12 greedy responses
     *     different and a KL in [0, 2)
     */
    public static FixtureComparison drifted(FixtureParameters reference, FixtureParameters current,
                                            SplittableRandom random, double changed) {
        List<ProbeResponse> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String before = answer(random);
            String after = random.nextDouble() < changed ? answer(random) + "x" : before;
            responses.add(new ProbeResponse(DOMAINS[i % DOMAINS.length], "q" + i, before, after, before.length(),
                    after.length()));
        }
        return new FixtureComparison(reference, current, responses, 2 * random.nextDouble());
    }

    private static String answer(SplittableRandom random) {
        return "<a>" + random.nextInt(1000) + "</a>";
    }
}
