package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.testing.ObjectiveArbitraries;
import org.cpt4j.testing.ObjectiveInputs;
import org.junit.jupiter.api.Test;

class GroupAdvantagesTest {

    /** Rewards and the size of the groups they split into. */
    record Groups(double[] rewards, int groupSize) {
    }

    @Provide
    Arbitrary<Groups> groups() {
        return Arbitraries.integers().between(2, 8).flatMap(size -> Arbitraries.integers().between(1, 5)
                .flatMap(count -> ObjectiveArbitraries.rewardGroups(count, size).map(r -> new Groups(r, size))));
    }

    @Property(tries = 200)
    void advantagesSumToZeroInEveryGroup(@ForAll("groups") Groups drawn) {
        double[] rewards = drawn.rewards();
        int groupSize = drawn.groupSize();
        int groups = rewards.length / groupSize;
        for (ScaleRewards scale : ScaleRewards.values()) {
            double[] advantages = GroupAdvantages.compute(rewards, groupSize, scale, 1e-6);
            for (int g = 0; g < groups; g++) {
                double sum = 0;
                for (int i = g * groupSize; i < (g + 1) * groupSize; i++) {
                    sum += advantages[i];
                }
                assertEquals(0.0, sum, 1e-9, scale + " group " + g);
            }
        }
    }

    @Property(tries = 200)
    void advantagesAreShiftInvariant(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int groups,
                                     @ForAll @IntRange(min = 2, max = 8) int groupSize,
                                     @ForAll @DoubleRange(min = -5, max = 5) double shift) {
        double[] rewards = ObjectiveInputs.rewards(new SplittableRandom(seed), groups, groupSize);
        double[] shifted = rewards.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += shift;
        }
        for (ScaleRewards scale : ScaleRewards.values()) {
            assertArrayEquals(GroupAdvantages.compute(rewards, groupSize, scale, 1e-6),
                    GroupAdvantages.compute(shifted, groupSize, scale, 1e-6), 1e-9, scale.name());
        }
    }

    @Property(tries = 100)
    void allEqualGroupsGiveZeroAdvantage(@ForAll @DoubleRange(min = -3, max = 3) double reward,
                                         @ForAll @IntRange(min = 2, max = 8) int groupSize) {
        double[] rewards = new double[groupSize];
        java.util.Arrays.fill(rewards, reward);
        for (ScaleRewards scale : ScaleRewards.values()) {
            for (double advantage : GroupAdvantages.compute(rewards, groupSize, scale, 1e-6)) {
                assertEquals(0.0, advantage, 1e-12);
            }
        }
        assertTrue(GroupAdvantages.inZeroVarianceGroup(rewards, GroupAdvantages.consecutiveGroups(groupSize, groupSize))[0]);
    }

    /**
     * A group of one response has no siblings to compare with; as in verl's {@code compute_grpo_outcome_advantage}
     * its mean is 0 and its standard deviation 1, so its advantage is its reward (scaled by {@code 1 + ε}, or by
     * the batch's standard deviation).
     */
    @Property(tries = 100)
    void aGroupOfOneKeepsItsReward(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int groups,
                                   @ForAll @DoubleRange(min = 0, max = 0.1) double epsilon) {
        double[] rewards = ObjectiveInputs.rewards(new SplittableRandom(seed), groups, 1);
        double[] group = GroupAdvantages.compute(rewards, 1, ScaleRewards.GROUP, epsilon);
        double[] none = GroupAdvantages.compute(rewards, 1, ScaleRewards.NONE, epsilon);
        double[] batch = GroupAdvantages.compute(rewards, 1, ScaleRewards.BATCH, epsilon);
        double batchStd = GroupAdvantages.standardDeviation(rewards);
        for (int i = 0; i < rewards.length; i++) {
            assertEquals(rewards[i] / (1 + epsilon), group[i], 1e-12, "group scaling, response " + i);
            assertEquals(rewards[i], none[i], 1e-12, "no scaling, response " + i);
            assertEquals(rewards[i] / (batchStd + epsilon), batch[i], 1e-12, "batch scaling, response " + i);
        }
    }

    @Test
    void aGroupOfOneByHand() {
        assertArrayEquals(new double[] {0.3, 1.0, 0.0},
                GroupAdvantages.compute(new double[] {0.3, 1.0, 0.0}, 1, ScaleRewards.GROUP, 0), 1e-15);
        assertArrayEquals(new double[] {0.3 / 1.5, 1.0 / 1.5},
                GroupAdvantages.compute(new double[] {0.3, 1.0}, 1, ScaleRewards.GROUP, 0.5), 1e-15);
    }

    @Test
    void groupScalingUsesBesselsCorrectionAndTheEpsilon() {
        double[] advantages = GroupAdvantages.compute(new double[] {1, 0, 0, 0}, 4, ScaleRewards.GROUP, 1e-4);
        double std = Math.sqrt((0.75 * 0.75 + 3 * 0.25 * 0.25) / 3);
        assertEquals(0.75 / (std + 1e-4), advantages[0], 1e-12);
        assertEquals(-0.25 / (std + 1e-4), advantages[1], 1e-12);
        assertArrayEquals(new double[] {0.75, -0.25, -0.25, -0.25},
                GroupAdvantages.compute(new double[] {1, 0, 0, 0}, 4, ScaleRewards.NONE, 1e-4), 1e-12);
    }

    @Test
    void batchScalingDividesByTheStandardDeviationOfAllRewards() {
        double[] rewards = {1, 0, 1, 1};
        double batchStd = Math.sqrt((3 * 0.0625 + 0.5625) / 3);
        double[] advantages = GroupAdvantages.compute(rewards, 2, ScaleRewards.BATCH, 0);
        assertEquals(0.5 / batchStd, advantages[0], 1e-12);
        assertEquals(0.0, advantages[2], 1e-12);
    }
}
