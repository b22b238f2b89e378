package org.cpt4j.internal.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.internal.model.TrainingStep;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.run.StepMetrics;
import org.junit.jupiter.api.Test;

class StepMetricsCollectorTest {

    private static final Task TASK = new Task("fixture", "q", "7", "", "");

    /**
     * Two groups of two by hand: rewards 1, 0 | 0, 0.5; one response cut at the length limit, one looping
     * ({@code 5 6 7} three times), the second correct-but-one malformed; entropies and mask known.
     */
    @Test
    void everyFieldFromAHandBuiltBatch() {
        List<Generation> generations = List.of(
                new Generation(0, 0, new int[] {4, 9, 5, 2}, new float[4], new float[] {1, 1, 1, 1}, true),
                new Generation(0, 1, new int[] {5, 6, 7, 5, 6, 7, 5, 6, 7}, new float[9], new float[] {2, 2, 2, 2, 2, 2, 2, 2, 2}, false),
                new Generation(1, 0, new int[] {2}, new float[1], new float[] {0.5f}, true),
                new Generation(1, 1, new int[] {4, 8, 5, 2}, new float[4], new float[] {0, 0, 0, 0}, true));
        List<Rollouts.Rollout> rollouts = List.of(
                new Rollouts.Rollout(0, TASK, "<a>7</a>", new Verdict(true, true, "correct"), 1.0, 4, Map.of("correct", 1.0)),
                new Rollouts.Rollout(0, TASK, "loop", new Verdict(false, false, "malformed:7"), 0.0, 9,
                        Map.of("correct", 0.0)),
                new Rollouts.Rollout(1, TASK, "", new Verdict(false, false, "malformed:7"), 0.0, 1, Map.of("correct", 0.0)),
                new Rollouts.Rollout(1, TASK, "<a>8</a>", new Verdict(false, true, "wrong:7"), 0.5, 4,
                        Map.of("correct", 0.5)));
        double[][] mask = new double[4][10];
        int[] lengths = {4, 9, 1, 4};
        double entropySum = 4 * 1 + 9 * 2 + 0.5 + 0;
        for (int i = 0; i < 4; i++) {
            java.util.Arrays.fill(mask[i], 0, lengths[i], 1);
        }
        RolloutBatch batch = new RolloutBatch(List.of(TASK, TASK), List.of(new int[] {1, 3}, new int[] {1, 3}),
                generations, rollouts, Map.of("correct", 1.0), new int[4][10], new int[4][10], mask, new double[4][10], entropySum);
        ObjectiveInputs.Prepared prepared = new ObjectiveInputs.Prepared(ObjectiveBatch.builder(new int[4][10], mask)
                .build(), new Rollouts(rollouts, 2, mask, List.of(), null, 0, Map.of("correct", 1.0)), 0.125);
        TrainingStep first = new TrainingStep(3, 0.75, 2.5, 1e-3, false, 18, Map.of("clip_fraction", 0.1));

        StepMetrics metrics = StepMetricsCollector.collect(7, batch, prepared, first, 1,
                List.of(new WeightedReward.Component("correct", 1, (task, response, verdict, tokens) -> 0)),
                Map.of("teacher_context_fraction", 0.5), new StepMetricsCollector.Timings(10, 20, 30));

        double mean = 1.5 / 4;
        assertEquals(7, metrics.step());
        assertEquals(mean, metrics.rewardMean(), 1e-12);
        double variance = ((1 - mean) * (1 - mean) + 2 * mean * mean + (0.5 - mean) * (0.5 - mean)) / 4;
        assertEquals(Math.sqrt(variance), metrics.rewardStd(), 1e-12, "population standard deviation");
        assertEquals(Map.of("correct", mean), metrics.rewardComponents());
        assertEquals(0.25, metrics.accuracy(), 1e-12);
        assertEquals(0.5, metrics.formatValid(), 1e-12);
        assertEquals(0.75, metrics.loss(), 1e-12);
        assertEquals(Map.of("clip_fraction", 0.1, "teacher_context_fraction", 0.5), metrics.diagnostics(),
                "the graph's diagnostics and the objective's own counts");
        assertEquals(entropySum / 18, metrics.entropy(), 1e-12, "mean over the 18 response tokens");
        assertEquals(0.125, metrics.referenceKl(), 1e-12);
        assertEquals(2.5, metrics.gradientNorm(), 1e-12);
        assertEquals(1, metrics.skippedUpdates());
        assertEquals(18 / 4.0, metrics.meanLength(), 1e-12);
        assertEquals(0.25, metrics.truncatedFraction(), 1e-12, "one of four hit the length limit");
        assertEquals(0.25, metrics.repetition(), 1e-12, "one of four loops");
        assertEquals(10, metrics.samplingMs(), 1e-12);
        assertEquals(20, metrics.scoringMs(), 1e-12);
        assertEquals(30, metrics.trainingMs(), 1e-12);
        Set<String> fields = new TreeSet<>();
        for (var component : StepMetrics.class.getRecordComponents()) {
            fields.add(component.getName());
        }
        assertEquals(Set.of("step", "rewardMean", "rewardStd", "rewardComponents", "accuracy", "formatValid", "loss",
                "diagnostics", "entropy", "referenceKl", "gradientNorm", "skippedUpdates", "meanLength",
                "truncatedFraction", "repetition", "samplingMs", "scoringMs", "trainingMs"), fields,
                "every field of StepMetrics is asserted above; a new one needs its line here");
    }
}
