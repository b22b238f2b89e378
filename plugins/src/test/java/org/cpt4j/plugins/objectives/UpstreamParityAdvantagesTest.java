package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.cpt4j.objective.DoubleMath;
import org.cpt4j.objective.DoubleTensor;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.testing.ObjectiveInputs;
import org.junit.jupiter.api.Test;

/**
 * Group advantages and the laws of GRPO's upstream options, against TRL {@code f2cd57710ae345ea6428ae95363267fcf38a3dc8}
 * ({@code trl/trainer/grpo_trainer.py}, {@code trl/trainer/utils.py}), verl
 * {@code b178a3cd56f58b2d502255daba591e92833930a7} ({@code verl/trainer/ppo/core_algos.py}) and OpenRLHF
 * {@code 3c3be6234e0cb353e76bb8019947db9dfe99fca7} ({@code openrlhf/models/utils.py}).
 */
class UpstreamParityAdvantagesTest {

    private static final double TRL_EPSILON = 1e-4;
    private static final double VERL_EPSILON = 1e-6;

    /** Groups of 2 to 5 responses, ids in blocks: {@code groups[i]} is the block of response {@code i}. */
    private record Layout(double[] rewards, int[] groups) {
    }

    private static Layout contiguous(SplittableRandom random, int minSize) {
        int count = random.nextInt(1, 5);
        List<Integer> ids = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            int size = random.nextInt(minSize, 6);
            for (int i = 0; i < size; i++) {
                ids.add(g);
            }
        }
        boolean binary = random.nextBoolean();
        double[] rewards = new double[ids.size()];
        for (int i = 0; i < rewards.length; i++) {
            rewards[i] = binary ? random.nextInt(2) : 2 * random.nextDouble() - 1;
        }
        return new Layout(rewards, ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** verl compute_grpo_outcome_advantage 305-327: groups are the uids of a dict, in any order and of any sizes. */
    @Property(tries = 300)
    void nonContiguousGroupIdsGiveThePermutedContiguousResult(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Layout layout = contiguous(random, 1);
        int n = layout.rewards().length;
        int[] permutation = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        double[] rewards = new double[n];
        int[] groups = new int[n];
        for (int j = 0; j < n; j++) {
            rewards[j] = layout.rewards()[permutation[j]];
            groups[j] = 37 - 5 * layout.groups()[permutation[j]];
        }
        for (ScaleRewards scale : ScaleRewards.values()) {
            double[] expected = GroupAdvantages.compute(layout.rewards(), layout.groups(), scale, VERL_EPSILON);
            double[] permuted = GroupAdvantages.compute(rewards, groups, scale, VERL_EPSILON);
            for (int j = 0; j < n; j++) {
                assertEquals(expected[permutation[j]], permuted[j], 1e-9, scale + " response " + j);
            }
        }
    }

    /**
     * TRL 2676-2730: unscorable rows are NaN, left out of nanmean and nanstd (utils.py 857-890, Bessel over the
     * non-NaN count, NaN for one value), A = (R − μ_group) / (σ + 1e-4), then nan_to_num(nan=0).
     */
    @Test
    void nanRewardsAreLeftOutAndGetZeroAsInTrl() {
        // group 0: {1, NaN, 0, 2}: μ = 1, σ = √((0 + 1 + 1)/2) = 1;  group 1: {NaN, 5, NaN, NaN}: σ = NaN → all 0
        double[] rewards = {1, Double.NaN, 0, 2, Double.NaN, 5, Double.NaN, Double.NaN};
        int[] groups = {0, 0, 0, 0, 1, 1, 1, 1};
        double g = 1 / (1 + TRL_EPSILON);
        assertArrayEquals(new double[] {0, 0, -g, g, 0, 0, 0, 0},
                GroupAdvantages.compute(rewards, groups, ScaleRewards.GROUP, TRL_EPSILON), 1e-12, "group");
        // batch (2694-2697): σ = nanstd{1, 0, 2, 5} = √(((−1)² + (−2)² + 0² + 3²)/3) = √(14/3), baseline still μ_group
        double b = 1 / (Math.sqrt(14 / 3.0) + TRL_EPSILON);
        assertArrayEquals(new double[] {0, 0, -b, b, 0, 0, 0, 0},
                GroupAdvantages.compute(rewards, groups, ScaleRewards.BATCH, TRL_EPSILON), 1e-12, "batch");
        // none (2705-2707): R − μ_group; group 1's lone 5 − 5 = 0
        assertArrayEquals(new double[] {0, 0, -1, 1, 0, 0, 0, 0},
                GroupAdvantages.compute(rewards, groups, ScaleRewards.NONE, TRL_EPSILON), 1e-12, "none");
    }

    /** TRL 2707 adds 1e-4 to σ; verl 271 and 325 adds 1e-6. Group {1, 2, 4}: μ = 7/3, σ² = (16 + 1 + 25)/9 / 2 = 7/3. */
    @Test
    void theEpsilonIsAddedToTheStandardDeviationAsTrlAndVerlDo() {
        double[] rewards = {1, 2, 4};
        int[] groups = {3, 3, 3};
        double sigma = Math.sqrt(7 / 3.0);
        for (double epsilon : new double[] {TRL_EPSILON, VERL_EPSILON}) {
            double[] expected = {(1 - 7 / 3.0) / (sigma + epsilon), (2 - 7 / 3.0) / (sigma + epsilon),
                    (4 - 7 / 3.0) / (sigma + epsilon)};
            assertArrayEquals(expected, GroupAdvantages.compute(rewards, groups, ScaleRewards.GROUP, epsilon), 1e-12,
                    "epsilon " + epsilon);
        }
    }

    /**
     * TRL 2679-2730: an unscorable member is out of the nanmean and nanstd of its group and of the batch, so adding
     * one to a group that keeps at least two scorable members changes no other advantage, and its own is 0.
     */
    @Property(tries = 300)
    void nanRowsGetZeroAndDoNotShiftTheOthers(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Layout layout = contiguous(random, 2);
        int n = layout.rewards().length;
        int at = random.nextInt(n + 1);
        double[] rewards = new double[n + 1];
        int[] groups = new int[n + 1];
        for (int i = 0, j = 0; i <= n; i++) {
            if (i == at) {
                rewards[i] = Double.NaN;
                groups[i] = layout.groups()[random.nextInt(n)];
            } else {
                rewards[i] = layout.rewards()[j];
                groups[i] = layout.groups()[j++];
            }
        }
        for (ScaleRewards scale : ScaleRewards.values()) {
            double[] before = GroupAdvantages.compute(layout.rewards(), layout.groups(), scale, TRL_EPSILON);
            double[] after = GroupAdvantages.compute(rewards, groups, scale, TRL_EPSILON);
            assertEquals(0.0, after[at], 0, scale + ": the NaN row");
            for (int i = 0, j = 0; i <= n; i++) {
                if (i != at) {
                    assertEquals(before[j++], after[i], 1e-12, scale + " response " + i);
                }
            }
        }
    }

    /**
     * TRL 3054-3058: with every token of a row at the same log-ratio c, the masked mean is c, so GSPO's sequence
     * ratio (and GSPO-token's value) is each token's ratio and the losses agree, whatever the aggregation.
     */
    @Property(tries = 150)
    void sequenceLevelRatioEqualsTheTokenRatioWhenAllTokensOfARowAgree(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = random.nextInt(1, 4);
        int length = random.nextInt(1, 5);
        double[][][] logits = ObjectiveInputs.logits(random, rows, length, 3, 2.0);
        int[][] targets = ObjectiveInputs.targets(random, rows, length, 3);
        double[][] mask = ObjectiveInputs.responseMask(random, rows, length);
        double[][][] logProbs = ObjectiveInputs.logProbs(logits);
        double[][] old = new double[rows][length];
        double[][] reference = new double[rows][length];
        double[][] advantages = new double[rows][length];
        for (int b = 0; b < rows; b++) {
            double offset = random.nextDouble(-0.6, 0.6);
            double advantage = random.nextDouble(-2, 2);
            for (int t = 0; t < length; t++) {
                old[b][t] = logProbs[b][t][targets[b][t]] - offset;
                reference[b][t] = logProbs[b][t][targets[b][t]] + random.nextDouble(-1, 1);
                advantages[b][t] = advantage;
            }
        }
        ObjectiveBatch batch = ObjectiveBatch.of(targets, mask, b -> b.perToken(StandardInputs.ADVANTAGES, advantages)
                .perToken(StandardInputs.OLD_LOG_PROBS, old).perToken(StandardInputs.REFERENCE_LOG_PROBS, reference));
        // every aggregation a policy-gradient loss may use (GKD_MEAN is for distribution losses)
        LossAggregation[] aggregations = java.util.Arrays.stream(LossAggregation.values())
                .filter(a -> a != LossAggregation.GKD_MEAN).toArray(LossAggregation[]::new);
        LossAggregation aggregation = aggregations[random.nextInt(aggregations.length)];
        double delta = random.nextBoolean() ? 0 : random.nextDouble(1.05, 2);
        double dualClip = random.nextBoolean() ? 0 : 3;
        boolean biasCorrected = random.nextBoolean();
        double token = loss(ImportanceSampling.TOKEN, aggregation, delta, dualClip, biasCorrected, logits, batch);
        for (ImportanceSampling level : new ImportanceSampling[] {ImportanceSampling.SEQUENCE,
                ImportanceSampling.SEQUENCE_TOKEN}) {
            assertEquals(token, loss(level, aggregation, delta, dualClip, biasCorrected, logits, batch),
                    1e-9 * Math.max(1, Math.abs(token)), level + " with " + aggregation);
        }
    }

    private static double loss(ImportanceSampling level, LossAggregation aggregation, double delta, double dualClip,
                               boolean biasCorrected, double[][][] logits, ObjectiveBatch batch) {
        return new GrpoObjective(GrpoConfig.of(g -> g.importanceSampling(level).aggregation(aggregation).delta(delta)
                .dualClip(dualClip).klBeta(0.1).biasCorrectedKl(biasCorrected).maxResponseLength(4)))
                .referenceLoss(logits, batch);
    }

    private static double tokenLoss(GrpoObjective objective, double policy, double old, double advantage) {
        return objective.surrogate(new DoubleMath(1), DoubleTensor.scalar(policy), DoubleTensor.scalar(old),
                DoubleTensor.scalar(advantage), DoubleTensor.scalar(1)).loss().scalar();
    }

    /** TRL 3084-3091 and grpo_config.py 687-694: with δ ≥ 1 + ε_high, −min(min(ρ, δ)·A, clip(ρ)·A) = −min(ρ·A, clip(ρ)·A) for A &gt; 0. */
    @Property(tries = 500)
    void deltaClipsOnlyThePositiveSideOfTheRatio(@ForAll @DoubleRange(min = -4, max = 0) double policy,
                                                 @ForAll @DoubleRange(min = -4, max = 0) double old,
                                                 @ForAll @DoubleRange(min = 0.01, max = 3) double advantage,
                                                 @ForAll @DoubleRange(min = 0.05, max = 0.5) double clipHigh,
                                                 @ForAll @DoubleRange(min = 0, max = 3) double beyond) {
        double delta = 1 + clipHigh + beyond;
        GrpoObjective capped = new GrpoObjective(GrpoConfig.of(g -> g.clipLow(0.2).clipHigh(clipHigh).delta(delta)));
        GrpoObjective uncapped = new GrpoObjective(GrpoConfig.of(g -> g.clipLow(0.2).clipHigh(clipHigh)));
        assertEquals(tokenLoss(uncapped, policy, old, advantage), tokenLoss(capped, policy, old, advantage), 1e-12,
                "positive advantage");
        // the negative side: |A|·max(min(ρ, δ), clip(ρ, 1 − ε_low, 1 + ε_high)), TRL 3091 with A < 0
        double ratio = Math.exp(policy - old);
        double expected = advantage * Math.max(Math.min(ratio, delta), Math.max(0.8, Math.min(1 + clipHigh, ratio)));
        assertEquals(expected, tokenLoss(capped, policy, old, -advantage), 1e-12, "negative advantage");
    }

    /**
     * OpenRLHF compute_approx_kl 78-95 clamps k1 = s − r to ±10; verl kl_penalty_forward 1879-1880 does not: the two
     * agree inside ±10. k3 (OpenRLHF 91, clamp at 95) agrees with verl's (1890-1896) everywhere: beyond verl's ±20
     * clamp of r − s both values exceed 10.
     */
    @Property(tries = 500)
    void openRlhfClampEqualsVerlsForK1InsideTenAndForK3Everywhere(@ForAll @DoubleRange(min = -35, max = 0) double policy,
                                                                 @ForAll @DoubleRange(min = -35, max = 0) double reference) {
        double lambda = policy - reference;
        double openRlhf = KlEstimator.K1.estimate(policy, reference, KlClamp.OPENRLHF);
        assertEquals(Math.max(-10, Math.min(10, lambda)), openRlhf, 1e-12, "OpenRLHF k1");
        assertEquals(lambda, KlEstimator.K1.estimate(policy, reference, KlClamp.VERL), 1e-12, "verl k1");
        if (Math.abs(lambda) <= 10) {
            assertEquals(KlEstimator.K1.estimate(policy, reference, KlClamp.VERL), openRlhf, 1e-12, "inside ±10");
        }
        double k3 = Math.max(-10, Math.min(10, Math.exp(-lambda) - 1 + lambda));
        assertEquals(k3, KlEstimator.K3.estimate(policy, reference, KlClamp.OPENRLHF), 1e-12, "OpenRLHF k3");
        assertEquals(k3, KlEstimator.K3.estimate(policy, reference, KlClamp.VERL), 1e-12, "verl k3");
    }
}
