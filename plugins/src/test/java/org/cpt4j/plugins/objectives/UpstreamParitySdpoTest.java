package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.testing.ObjectiveProbe;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * SDPO's aggregation and logit temperature, and its mapping onto GKD, pinned to values worked out by hand from the
 * upstream code: the official SDPO {@code 0e6d5106abe69f578c63bf38a9394e22905c8773}
 * ({@code verl/trainer/ppo/core_algos.py} compute_self_distillation_loss and agg_loss) and TRL
 * {@code f2cd57710ae345ea6428ae95363267fcf38a3dc8} ({@code trl/experimental/gkd/gkd_trainer.py}
 * generalized_jsd_loss).
 *
 * <p>The student's logits are zero over two tokens unless said otherwise (distribution ½, ½), every target is token
 * 0, and an old log-probability {@code ln ½ − ln ρ} makes the importance ratio {@code ρ}.
 */
class UpstreamParitySdpoTest {

    private static final double HALF = Math.log(0.5);
    /** verl agg_loss's epsilon on each row's token count (SDPO core_algos.py 1069, verl 1067). */
    private static final double VERL_EPS = 1e-8;
    private static final double[] TEACHER = {0.8, 0.2};
    /** KL(teacher ‖ student) for the teacher 0.8/0.2 and the student ½/½. */
    private static final double FORWARD_KL = 0.8 * Math.log(0.8 / 0.5) + 0.2 * Math.log(0.2 / 0.5);

    private static SdpoObjective sdpo(Consumer<SdpoConfig.Builder> configure) {
        return new SdpoObjective(SdpoConfig.of(configure));
    }

    /**
     * @param distillMask the distillation mask (response mask times the sample's teacher flag, SDPO 1102-1104)
     * @param teacher the teacher's probabilities at every position, {@code [B][L][2]}
     * @param old the old log-probabilities of the targets (token 0)
     */
    private static ObjectiveBatch distillation(double[][] distillMask, double[][][] teacher, double[][] old) {
        int rows = distillMask.length;
        int length = distillMask[0].length;
        double[][][] teacherLog = new double[rows][length][2];
        double[][] teacherToken = new double[rows][length];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                teacherLog[b][t] = new double[] {Math.log(teacher[b][t][0]), Math.log(teacher[b][t][1])};
                teacherToken[b][t] = teacherLog[b][t][0];
            }
        }
        double[][] mask = new double[rows][length];
        for (double[] row : mask) {
            java.util.Arrays.fill(row, 1);
        }
        return ObjectiveBatch.of(new int[rows][length], mask, b -> b
                .perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS, teacherLog)
                .perToken(StandardInputs.TEACHER_TOKEN_LOG_PROBS, teacherToken)
                .perToken(StandardInputs.DISTILLATION_MASK, distillMask)
                .perToken(StandardInputs.OLD_LOG_PROBS, old)
                .perToken(StandardInputs.ADVANTAGES, new double[rows][length]));
    }

    private static double[][][] everywhere(int rows, int length, double[] teacher) {
        double[][][] out = new double[rows][length][];
        for (double[][] row : out) {
            java.util.Arrays.fill(row, teacher);
        }
        return out;
    }

    /** Old log-probabilities {@code ln ½ − ln ρ}: ratio {@code ρ} under zero logits. */
    private static double[][] oldForRatios(double[][] ratios) {
        double[][] old = new double[ratios.length][ratios[0].length];
        for (int b = 0; b < ratios.length; b++) {
            for (int t = 0; t < ratios[b].length; t++) {
                old[b][t] = HALF - Math.log(ratios[b][t]);
            }
        }
        return old;
    }

    /** The double reference within 1e-9 and the float32 graph within 1e-5, both relative. */
    private static void assertLoss(double expected, Objective objective, double[][][] logits, ObjectiveBatch batch) {
        assertEquals(expected, objective.referenceLoss(logits, batch), 1e-9 * Math.abs(expected), "double reference");
        double graph = new ObjectiveProbe(objective, logits.length, logits[0].length, 2, DataType.FLOAT)
                .evaluate(logits, batch).loss();
        assertEquals(expected, graph, 1e-5 * Math.abs(expected), "float32 graph");
    }

    private static void assertLoss(double expected, Objective objective, ObjectiveBatch batch) {
        assertLoss(expected, objective, new double[batch.rows()][batch.length()][2], batch);
    }

    // Row 0 distils tokens 0 and 1 at ρ = 1 and 0.5, row 1 token 0 at ρ = 3, row 2 nothing (no teacher context); 9
    // where not distilled. With is_clip 2 (SDPO 1168-1176) the weights are 1, 0.5 and min(3, 2) = 2, so the rows' sums
    // are 1.5 D and 2 D over 2 and 1 tokens, D the forward KL (α = 0).
    private static ObjectiveBatch weightedBatch(double[][] distillMask) {
        return distillation(distillMask, everywhere(3, 4, TEACHER),
                oldForRatios(new double[][] {{1, 0.5, 9, 9}, {3, 9, 9, 9}, {9, 9, 9, 9}}));
    }

    private static final double[][] DISTILLED = {{1, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 0}};

    private static SdpoObjective aggregated(LossAggregation aggregation) {
        return sdpo(s -> s.alpha(0).isClip(2).aggregation(aggregation));
    }

    /**
     * SDPO 1182-1187: agg_loss(per_token_loss, loss_mask, loss_agg_mode, batch_num_tokens = clamp(Σ loss_mask, 1));
     * verl agg_loss 1055-1058 (token-mean divides by batch_num_tokens) and 1065-1071 (seq-mean-token-mean averages
     * S_i / (n_i + 1e-8) over the rows with a distilled token).
     */
    @Test
    void seqMeanTokenMeanAveragesTheTaughtRowsWhereTokenMeanAveragesTheirTokens() {
        assertLoss((1.5 + 2) * FORWARD_KL / 3, aggregated(LossAggregation.TOKEN_MEAN), weightedBatch(DISTILLED));
        assertLoss((1.5 * FORWARD_KL / (2 + VERL_EPS) + 2 * FORWARD_KL / (1 + VERL_EPS)) / 2,
                aggregated(LossAggregation.VERL_SEQ_MEAN_TOKEN_MEAN), weightedBatch(DISTILLED));
    }

    /**
     * verl agg_loss 1059-1064 (seq-mean-token-sum: Σ S_i over the rows with a token) and 1072-1076
     * (seq-mean-token-sum-norm: Σ S_i / loss_mask.shape[-1], the legacy worker passing no loss_scale_factor).
     */
    @Test
    void theSequenceSumModesPassThroughAsInTheOfficialLoss() {
        assertLoss((1.5 + 2) * FORWARD_KL / 2, aggregated(LossAggregation.SEQ_MEAN_TOKEN_SUM), weightedBatch(DISTILLED));
        assertLoss((1.5 + 2) * FORWARD_KL / 4, aggregated(LossAggregation.SEQ_MEAN_TOKEN_SUM_NORM),
                weightedBatch(DISTILLED));
    }

    /** SDPO 1186: with no distilled token, token-mean is 0 / clamp(0, 1) = 0. */
    @Test
    void anEmptyDistillationMaskGivesZeroUnderTokenMean() {
        ObjectiveBatch batch = weightedBatch(new double[3][4]);
        SdpoObjective objective = aggregated(LossAggregation.TOKEN_MEAN);
        assertEquals(0.0, objective.referenceLoss(new double[3][4][2], batch), 0, "double reference");
        assertEquals(0.0, new ObjectiveProbe(objective, 3, 4, 2, DataType.FLOAT)
                .evaluate(new double[3][4][2], batch).loss(), 0, "float32 graph");
    }

    /**
     * The student's log-probabilities are log_softmax(logits / temperature) (SDPO dp_actor l.342 and the teacher at
     * the same temperature, l.821-823; GKD generalized_jsd_loss 271-276), the importance weight's too (SDPO 1173).
     */
    @Test
    void logitTemperatureDividesTheStudentsLogitsBeforeTheLogSoftmax() {
        // logits {2, 0} at τ = 2 are {1, 0}: p = (e/(1 + e), 1/(1 + e))
        double p0 = Math.E / (1 + Math.E);
        double p1 = 1 / (1 + Math.E);
        double[][][] logits = {{{2, 0}}};
        // old = log p0 − ln 1.5: ratio 1.5 at τ = 2 (at τ = 1 it would be 1.81)
        ObjectiveBatch batch = distillation(new double[][] {{1}}, everywhere(1, 1, TEACHER),
                new double[][] {{Math.log(p0) - Math.log(1.5)}});
        double forward = 0.8 * Math.log(0.8 / p0) + 0.2 * Math.log(0.2 / p1);
        double reverse = p0 * Math.log(p0 / 0.8) + p1 * Math.log(p1 / 0.2);
        assertLoss(forward, sdpo(s -> s.alpha(0).isClip(0).logitTemperature(2)), logits, batch);
        assertLoss(reverse, sdpo(s -> s.alpha(1).isClip(0).logitTemperature(2)), logits, batch);
        assertLoss(1.5 * forward, sdpo(s -> s.alpha(0).isClip(2).logitTemperature(2)), logits, batch);
    }

    /**
     * GKD generalized_jsd_loss 279-298: β = 0 is KL(teacher ‖ student), β = 1 KL(student ‖ teacher), otherwise
     * β·KL(T ‖ M) + (1 − β)·KL(S ‖ M) with M = (1 − β)·P_S + β·P_T: SDPO's alpha is GKD's beta (SDPO 1138-1160,
     * lerp(kl_student, kl_teacher, α)). One position, where batchmean and sum agree.
     */
    @Test
    void alphaIsGkdBeta() {
        ObjectiveBatch batch = distillation(new double[][] {{1}}, everywhere(1, 1, TEACHER), new double[][] {{HALF}});
        // β = 0.25: M = 0.75·(0.5, 0.5) + 0.25·(0.8, 0.2) = (0.575, 0.425)
        double mixed = 0.25 * (0.8 * Math.log(0.8 / 0.575) + 0.2 * Math.log(0.2 / 0.425))
                + 0.75 * (0.5 * Math.log(0.5 / 0.575) + 0.5 * Math.log(0.5 / 0.425));
        double reverse = 0.5 * Math.log(0.5 / 0.8) + 0.5 * Math.log(0.5 / 0.2);
        for (LossAggregation reduction : new LossAggregation[] {LossAggregation.TOKEN_MEAN, LossAggregation.SUM}) {
            assertLoss(FORWARD_KL, sdpo(s -> s.alpha(0).isClip(0).aggregation(reduction)), batch);
            assertLoss(mixed, sdpo(s -> s.alpha(0.25).isClip(0).aggregation(reduction)), batch);
            assertLoss(reverse, sdpo(s -> s.alpha(1).isClip(0).aggregation(reduction)), batch);
        }
    }

    /**
     * GKD generalized_jsd_loss 300-319: jsd[labels != −100], then batchmean = Σ / clamp_min(Σ mask, 1) and sum = Σ,
     * over positions and vocabulary. Two rows of two positions, the last one masked; reverse KL (β = 1) per position:
     * D(0.8, 0.2) at row 0 position 0 and row 1 position 0, D(0.6, 0.4) at row 0 position 1.
     */
    @Test
    void gkdBatchmeanWithLabelsIsTokenMeanAndSumIsSum() {
        double[][][] teacher = {{{0.8, 0.2}, {0.6, 0.4}}, {{0.8, 0.2}, {0.1, 0.9}}};
        ObjectiveBatch batch = distillation(new double[][] {{1, 1}, {1, 0}}, teacher, new double[][] {{HALF, HALF},
                {HALF, HALF}});
        double first = 0.5 * Math.log(0.5 / 0.8) + 0.5 * Math.log(0.5 / 0.2);
        double second = 0.5 * Math.log(0.5 / 0.6) + 0.5 * Math.log(0.5 / 0.4);
        double sum = 2 * first + second;
        assertLoss(sum / 3, sdpo(s -> s.alpha(1).isClip(0).aggregation(LossAggregation.TOKEN_MEAN)), batch);
        assertLoss(sum, sdpo(s -> s.alpha(1).isClip(0).aggregation(LossAggregation.SUM)), batch);
        // GKD reduction="mean" (gkd_trainer.py 320-321): jsd[mask].mean() over 3 tokens × 2 vocabulary entries
        assertLoss(sum / 6, sdpo(s -> s.alpha(1).isClip(0).aggregation(LossAggregation.GKD_MEAN)), batch);
    }
}
