package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import org.cpt4j.testing.ObjectiveProbe;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.StandardInputs;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Loss values worked out by hand from the upstream formulas (verl {@code agg_loss} and
 * {@code compute_policy_loss}; the official SDPO {@code compute_self_distillation_loss}), for batches small enough
 * to check on paper. The contract tests compare each objective's graph with its own double-precision reference;
 * these pin both to numbers that do not come from either.
 *
 * <p>Every batch has a vocabulary of two tokens and all-zero student logits, so the student's log-probabilities
 * are {@code ln ½} everywhere and an old log-probability of {@code ln ½ − ln ρ} makes the ratio exactly
 * {@code ρ}.
 */
class HandComputedLossTest {

    private static final double HALF = Math.log(0.5);
    /** The teacher's log-distribution at every position: 0.8 on token 0, 0.2 on token 1. */
    private static final double[] TEACHER = {Math.log(0.8), Math.log(0.2)};

    private static double[][][] zeroLogits(int rows, int length) {
        return new double[rows][length][2];
    }

    /** Asserts the reference and the float32 graph both give {@code expected}. */
    private static void assertLoss(double expected, Objective objective, double[][][] logits, ObjectiveBatch batch) {
        assertEquals(expected, objective.referenceLoss(logits, batch), 1e-7 * Math.max(1, Math.abs(expected)),
                "double-precision reference (the sequence means add 1e-8 to each token count)");
        double graph = new ObjectiveProbe(objective, logits.length, logits[0].length, 2, DataType.FLOAT)
                .evaluate(logits, batch).loss();
        assertEquals(expected, graph, 1e-6 * Math.max(1, Math.abs(expected)), "SameDiff graph");
    }

    // --- GRPO: three responses with advantages 0.5, −1 and 3 on 2, 3 and 1 tokens, on-policy (ratio 1) ---

    private static final double[][] MASK = {{1, 1, 0, 0}, {0, 1, 1, 1}, {1, 0, 0, 0}};
    private static final double[] ADVANTAGES = {0.5, -1.0, 3.0};

    private static ObjectiveBatch onPolicy() {
        double[][] advantages = new double[3][4];
        double[][] old = new double[3][4];
        for (int b = 0; b < 3; b++) {
            java.util.Arrays.fill(advantages[b], ADVANTAGES[b]);
            java.util.Arrays.fill(old[b], HALF);
        }
        return ObjectiveBatch.of(new int[3][4], MASK, b -> b.perToken(StandardInputs.ADVANTAGES, advantages)
                .perToken(StandardInputs.OLD_LOG_PROBS, old));
    }

    private static GrpoObjective grpo(Consumer<GrpoConfig.Builder> configure) {
        return new GrpoObjective(GrpoConfig.of(configure));
    }

    @Test
    void tokenMeanWeighsEveryTokenAlike() {
        // −(2·0.5 + 3·(−1) + 1·3) / 6 tokens
        assertLoss(-1.0 / 6, grpo(g -> g.aggregation(LossAggregation.TOKEN_MEAN)), zeroLogits(3, 4), onPolicy());
    }

    @Test
    void sequenceMeanOfTokenMeansWeighsEveryResponseAlike() {
        // −(0.5 + (−1) + 3) / 3 responses
        assertLoss(-2.5 / 3, grpo(g -> g.aggregation(LossAggregation.VERL_SEQ_MEAN_TOKEN_MEAN)), zeroLogits(3, 4), onPolicy());
    }

    @Test
    void sequenceMeanOfTokenSumsWeighsLongResponsesMore() {
        // −(2·0.5 + 3·(−1) + 1·3) / 3 responses
        assertLoss(-1.0 / 3, grpo(g -> g.aggregation(LossAggregation.SEQ_MEAN_TOKEN_SUM)), zeroLogits(3, 4), onPolicy());
    }

    @Test
    void drGrpoDividesTheTokenSumByTheConstantLength() {
        // −(2·0.5 + 3·(−1) + 1·3) / N with N = 8 (verl: loss_mask.shape[-1], a constant, not the batch's tokens)
        assertLoss(-1.0 / 8, grpo(g -> g.aggregation(LossAggregation.SEQ_MEAN_TOKEN_SUM_NORM).maxResponseLength(8)),
                zeroLogits(3, 4), onPolicy());
    }

    @Test
    void theClippedSurrogateTakesThePessimisticSideOfEachRatio() {
        // four tokens, ε = 0.2: (A=2, ρ=1.5) → −min(3, 2.4) = −2.4;   (A=2, ρ=0.5) → −min(1, 1.6) = −1
        //                       (A=−1, ρ=0.5) → −min(−0.5, −0.8) = 0.8; (A=−1, ρ=1.5) → −min(−1.5, −1.2) = 1.5
        double[] advantage = {2, 2, -1, -1};
        double[] ratio = {1.5, 0.5, 0.5, 1.5};
        double[][] advantages = {advantage};
        double[][] old = new double[1][4];
        for (int t = 0; t < 4; t++) {
            old[0][t] = HALF - Math.log(ratio[t]);
        }
        ObjectiveBatch batch = ObjectiveBatch.of(new int[1][4], new double[][] {{1, 1, 1, 1}},
                b -> b.perToken(StandardInputs.ADVANTAGES, advantages).perToken(StandardInputs.OLD_LOG_PROBS, old));
        assertLoss((-2.4 - 1 + 0.8 + 1.5) / 4, grpo(g -> g.clip(0.2)), zeroLogits(1, 4), batch);
    }

    @Test
    void theDualClipBoundsANegativeAdvantageAtLargeRatios() {
        // A = −1 at ρ = 10 with ε = 0.2: the PPO loss is max(10, 1.2) = 10; dual clip c = 3 bounds it at −A·c = 3.
        // A second token, A = −1 at ρ = 2, stays at max(2, 1.2) = 2 < 3.
        double[][] old = {{HALF - Math.log(10), HALF - Math.log(2)}};
        ObjectiveBatch batch = ObjectiveBatch.of(new int[1][2], new double[][] {{1, 1}}, b -> b
                .perToken(StandardInputs.ADVANTAGES, new double[][] {{-1, -1}}).perToken(StandardInputs.OLD_LOG_PROBS, old));
        assertLoss((3 + 2) / 2.0, grpo(g -> g.clip(0.2).dualClip(3)), zeroLogits(1, 2), batch);
    }

    @Test
    void theK3TermIsClampedAtTenInTheGraphToo() {
        // r − s = −15: e^(−15) + 14 is clamped to 10, so β = 0.1 adds 1 to every token
        ObjectiveBatch batch = ObjectiveBatch.of(new int[1][2], new double[][] {{1, 1}}, b -> b
                .perToken(StandardInputs.ADVANTAGES, new double[1][2])
                .perToken(StandardInputs.OLD_LOG_PROBS, new double[][] {{HALF, HALF}})
                .perToken(StandardInputs.REFERENCE_LOG_PROBS, new double[][] {{HALF - 15, HALF - 15}}));
        assertLoss(1.0, grpo(g -> g.klBeta(0.1).klEstimator(KlEstimator.K3)), zeroLogits(1, 2), batch);
    }

    @Test
    void theKlTermAddsBetaTimesK3ToEveryToken() {
        // on-policy, reference log-prob ln ½ − 1 on every token: k3 = e^(−1) + 1 − 1 = e^(−1), β = 0.1
        double[][] reference = new double[3][4];
        for (double[] row : reference) {
            java.util.Arrays.fill(row, HALF - 1);
        }
        ObjectiveBatch base = onPolicy();
        ObjectiveBatch batch = ObjectiveBatch.of(new int[3][4], MASK, b -> b
                .perToken(StandardInputs.ADVANTAGES, base.perToken(StandardInputs.ADVANTAGES))
                .perToken(StandardInputs.OLD_LOG_PROBS, base.perToken(StandardInputs.OLD_LOG_PROBS))
                .perToken(StandardInputs.REFERENCE_LOG_PROBS, reference));
        assertLoss(-1.0 / 6 + 0.1 * Math.exp(-1), grpo(g -> g.klBeta(0.1).klEstimator(KlEstimator.K3)),
                zeroLogits(3, 4), batch);
    }

    // --- SDPO: student ½/½, teacher 0.8/0.2 at every position ---

    /** KL(teacher ‖ student) = 0.8 ln(0.8/0.5) + 0.2 ln(0.2/0.5). */
    private static final double FORWARD_KL = 0.8 * Math.log(1.6) + 0.2 * Math.log(0.4);

    private static ObjectiveBatch distillation(double[][] distillMask, double[] oldRatios, int target) {
        int rows = distillMask.length;
        int length = distillMask[0].length;
        double[][][] teacher = new double[rows][length][];
        double[][] teacherToken = new double[rows][length];
        double[][] old = new double[rows][length];
        double[][] advantages = new double[rows][length];
        int[][] targets = new int[rows][length];
        double[][] mask = new double[rows][length];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                teacher[b][t] = TEACHER.clone();
                teacherToken[b][t] = TEACHER[target];
                old[b][t] = HALF - Math.log(oldRatios[t]);
                advantages[b][t] = b == 0 ? 1.5 : -0.5;
                targets[b][t] = target;
                mask[b][t] = 1;
            }
        }
        return ObjectiveBatch.of(targets, mask, b -> b.perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS, teacher)
                .perToken(StandardInputs.TEACHER_TOKEN_LOG_PROBS, teacherToken)
                .perToken(StandardInputs.DISTILLATION_MASK, distillMask)
                .perToken(StandardInputs.OLD_LOG_PROBS, old)
                .perToken(StandardInputs.ADVANTAGES, advantages));
    }

    private static SdpoObjective sdpo(Consumer<SdpoConfig.Builder> configure) {
        return new SdpoObjective(SdpoConfig.of(configure));
    }

    @Test
    void forwardKlAtAlphaZero() {
        assertLoss(FORWARD_KL, sdpo(s -> s.alpha(0).isClip(0)), zeroLogits(1, 2),
                distillation(new double[][] {{1, 1}}, new double[] {1, 1}, 0));
    }

    @Test
    void theJensenShannonMixesBothKlsAgainstTheMixture() {
        // α = 0.5: mixture m = (0.65, 0.35); D = ½ KL(s ‖ m) + ½ KL(q ‖ m)
        double studentToMixture = 0.5 * Math.log(0.5 / 0.65) + 0.5 * Math.log(0.5 / 0.35);
        double teacherToMixture = 0.8 * Math.log(0.8 / 0.65) + 0.2 * Math.log(0.2 / 0.35);
        assertLoss(0.5 * studentToMixture + 0.5 * teacherToMixture, sdpo(s -> s.alpha(0.5).isClip(0)),
                zeroLogits(1, 2), distillation(new double[][] {{1, 1}}, new double[] {1, 1}, 0));
    }

    @Test
    void theImportanceWeightIsTheClippedRatioOfEachToken() {
        // ratios 3 and 0.5 with isClip 2: weights 2 and 0.5, so the mean is (2 + 0.5)/2 · D
        assertLoss(1.25 * FORWARD_KL, sdpo(s -> s.alpha(0).isClip(2)), zeroLogits(1, 2),
                distillation(new double[][] {{1, 1}}, new double[] {3, 0.5}, 0));
    }

    @Test
    void mixedWithGrpoTheLossIsTheWeightedSum() {
        // row 0 is taught, row 1 is not; GRPO on-policy over all 4 tokens: −(2·1.5 + 2·(−0.5))/4 = −0.5
        double expected = 0.25 * -0.5 + 0.75 * FORWARD_KL;
        assertLoss(expected, sdpo(s -> s.alpha(0).isClip(0).grpoWeight(0.25)), zeroLogits(2, 2),
                distillation(new double[][] {{1, 1}, {0, 0}}, new double[] {1, 1}, 0));
    }

    @Test
    void theSampledTokenSurrogateIsTheDetachedLogRatioTimesTheLogProb() {
        // token 0 sampled: (ln ½ − ln 0.8) · ln ½ per token; its gradient in the logits is (ln ½ − ln 0.8)(1[v=0] − ½),
        // the log-ratio held fixed (without the stop-gradient it would be (2 ln ½ − ln 0.8)(1[v=0] − ½))
        Objective objective = sdpo(s -> s.alpha(1).sampledToken(true).isClip(0));
        ObjectiveBatch batch = distillation(new double[][] {{1, 1}}, new double[] {1, 1}, 0);
        double logRatio = HALF - Math.log(0.8);
        assertLoss(logRatio * HALF, objective, zeroLogits(1, 2), batch);
        double[][][] gradient = new ObjectiveProbe(objective, 1, 2, 2, DataType.DOUBLE)
                .evaluate(zeroLogits(1, 2), batch).gradient();
        for (int t = 0; t < 2; t++) {
            // the token mean over 2 tokens halves each token's gradient
            assertEquals(logRatio * 0.5 / 2, gradient[0][t][0], 1e-12, "position " + t + ", sampled token");
            assertEquals(-logRatio * 0.5 / 2, gradient[0][t][1], 1e-12, "position " + t + ", other token");
        }
    }
}
