package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;
import org.junit.jupiter.api.Test;

/**
 * GDPO's multi-reward advantages, TRL {@code multi_objective_aggregation="normalize_then_sum"} (trl
 * {@code grpo_trainer.py} at f2cd577, lines 2710-2720 and 2730): every component z-scored within its group
 * ({@code nanmean}, {@code nanstd} + 1e-4), the weighted {@code nansum}, then the batch z-score.
 */
class NormalizeThenSumTest {

    private static final double EPS = 1e-4;
    private static final double NAN = Double.NaN;

    /**
     * Two groups (rows 0-2 and 3-4), components A (weight 1) and B (weight 0.5); row 2 has no B score. By hand:
     * group 0: A = (1, 0, 0) has mean 1/3 and std √(1/3); B = (0, 1) over its two scorable rows has mean ½ and std
     * √½. Group 1: A = (1, 1) is flat, so 0; B = (0, 2) has mean 1 and std √2.
     */
    @Test
    void aHandExampleWithAnUnscorableScore() {
        double[][] scores = {{1, 0}, {0, 1}, {0, NAN}, {1, 0}, {1, 2}};
        double a0 = Math.sqrt(1.0 / 3) + EPS;
        double b0 = Math.sqrt(0.5) + EPS;
        double b1 = Math.sqrt(2) + EPS;
        double[] sums = {
            (2.0 / 3) / a0 + 0.5 * (-0.5 / b0),
            (-1.0 / 3) / a0 + 0.5 * (0.5 / b0),
            (-1.0 / 3) / a0,
            0.5 * (-1 / b1),
            0.5 * (1 / b1)};
        double mean = (sums[0] + sums[1] + sums[2] + sums[3] + sums[4]) / 5;
        double squares = 0;
        for (double sum : sums) {
            squares += (sum - mean) * (sum - mean);
        }
        double std = Math.sqrt(squares / 4) + EPS;
        double[] expected = new double[5];
        for (int i = 0; i < 5; i++) {
            expected[i] = (sums[i] - mean) / std;
        }
        assertArrayEquals(expected, GroupAdvantages.normalizeThenSum(scores, new double[] {1, 0.5},
                new int[] {0, 0, 0, 1, 1}, EPS), 1e-12);
    }

    /** TRL line 2717 and 2730: a row every component left unscored is NaN, then its advantage 0; the others are kept. */
    @Test
    void aResponseNoComponentScoredGetsZeroAndIsLeftOutOfTheBatchStatistics() {
        double[][] scores = {{1}, {0}, {NAN}, {2}, {0}};
        double[] withUnscorable = GroupAdvantages.normalizeThenSum(scores, new double[] {1}, new int[] {0, 0, 0, 1, 1}, EPS);
        assertEquals(0.0, withUnscorable[2]);
        double[] without = GroupAdvantages.normalizeThenSum(new double[][] {{1}, {0}, {2}, {0}}, new double[] {1},
                new int[] {0, 0, 1, 1}, EPS);
        assertArrayEquals(without, new double[] {withUnscorable[0], withUnscorable[1], withUnscorable[3],
                withUnscorable[4]}, 1e-12);
    }

    /** A z-score does not see a component's units: scaling a component by {@code c > 0} and shifting it changes nothing. */
    @Property(tries = 200)
    void eachComponentIsNormalisedSoItsScaleAndOffsetDoNotMatter(@ForAll long seed,
                                                               @ForAll @IntRange(min = 2, max = 5) int groupSize,
                                                               @ForAll @IntRange(min = 1, max = 4) int groups,
                                                               @ForAll @DoubleRange(min = 0.1, max = 10) double scale,
                                                               @ForAll @DoubleRange(min = -5, max = 5) double shift) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = groupSize * groups;
        double[][] scores = new double[rows][2];
        double[][] rescaled = new double[rows][2];
        for (int i = 0; i < rows; i++) {
            scores[i][0] = random.nextInt(3);
            scores[i][1] = random.nextDouble();
            rescaled[i][0] = scores[i][0] * scale + shift;
            rescaled[i][1] = scores[i][1];
        }
        int[] ids = GroupAdvantages.consecutiveGroups(rows, groupSize);
        double[] weights = {1.0, 0.3};
        // with ε = 0 the z-score is exactly invariant (the flat-group rule keeps zero deviations at 0)
        assertArrayEquals(GroupAdvantages.normalizeThenSum(scores, weights, ids, 0),
                GroupAdvantages.normalizeThenSum(rescaled, weights, ids, 0), 1e-9);
    }

    /** GRPO's prepare reads the components and their weights from the rollouts when asked to normalise first. */
    @Test
    void grpoNormalisesEachComponentFirstWhenConfigured() {
        Task task = new Task("add", "3+4", "7", "c0;", "3+4=7;");
        Verdict verdict = new Verdict(false, true, "wrong:7");
        double[][] scores = {{1, 0}, {0, 1}, {1, 2}, {0, 0}};
        List<Rollouts.Rollout> all = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            all.add(new Rollouts.Rollout(i / 2, task, "r" + i, verdict, scores[i][0] + 0.5 * scores[i][1], 3,
                    Map.of("correct", scores[i][0], "style", scores[i][1])));
        }
        Map<String, Double> weights = new java.util.LinkedHashMap<>();
        weights.put("correct", 1.0);
        weights.put("style", 0.5);
        Rollouts rollouts = new Rollouts(all, 2, new double[4][3], List.of(), null, 1, weights);
        GrpoObjective grpo = new GrpoObjective(GrpoConfig.of(g -> g.rewardAggregation(RewardAggregation.NORMALIZE_THEN_SUM)
                .advantageEpsilon(EPS)));
        ObjectiveBatch.Builder batch = ObjectiveBatch.builder(new int[4][3], new double[4][3]);
        grpo.prepare(rollouts, batch);
        double[] expected = GroupAdvantages.normalizeThenSum(scores, new double[] {1, 0.5}, new int[] {0, 0, 1, 1}, EPS);
        double[][] advantages = batch.build().perToken(StandardInputs.ADVANTAGES);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], advantages[i][0], 1e-15);
        }
    }
}
