package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Consumer;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.testing.ObjectiveProbe;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * GRPO's options pinned to values worked out by hand from the upstream code, not from ours: TRL
 * {@code f2cd57710ae345ea6428ae95363267fcf38a3dc8} ({@code trl/trainer/grpo_trainer.py} unless said otherwise), verl
 * {@code b178a3cd56f58b2d502255daba591e92833930a7} ({@code verl/trainer/ppo/core_algos.py}), OpenRLHF
 * {@code 3c3be6234e0cb353e76bb8019947db9dfe99fca7} ({@code openrlhf/models/utils.py}).
 *
 * <p>Unless said otherwise the student's logits are zero over two tokens and every target is token 0, so every
 * log-probability is {@code ln ½} and an old log-probability {@code ln ½ − ln ρ} makes the ratio exactly {@code ρ};
 * a reference log-probability {@code ln ½ + d} makes {@code r − s = d}. Clip ε = 0.2 both ways throughout.
 */
class UpstreamParityGrpoTest {

    private static final double HALF = Math.log(0.5);
    /** verl {@code masked_mean}'s additive epsilon (verl/utils/torch_functional.py 301). */
    private static final double VERL_EPS = 1e-8;

    private static GrpoObjective grpo(Consumer<GrpoConfig.Builder> configure) {
        return new GrpoObjective(GrpoConfig.of(configure));
    }

    private static double[][] filled(int rows, int length, double value) {
        double[][] out = new double[rows][length];
        for (double[] row : out) {
            java.util.Arrays.fill(row, value);
        }
        return out;
    }

    /** Zero logits, targets 0; {@code offsets} ({@code r − s}) adds reference log-probs, null for none. */
    private static ObjectiveBatch batch(double[][] mask, double[][] advantages, double[][] ratios, double[][] offsets) {
        int rows = mask.length;
        int length = mask[0].length;
        double[][] old = new double[rows][length];
        double[][] reference = new double[rows][length];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                old[b][t] = HALF - Math.log(ratios[b][t]);
                reference[b][t] = HALF + (offsets == null ? 0 : offsets[b][t]);
            }
        }
        return ObjectiveBatch.of(new int[rows][length], mask, b -> {
            b.perToken(StandardInputs.ADVANTAGES, advantages).perToken(StandardInputs.OLD_LOG_PROBS, old);
            if (offsets != null) {
                b.perToken(StandardInputs.REFERENCE_LOG_PROBS, reference);
            }
        });
    }

    private static ObjectiveProbe.Result probe(GrpoObjective objective, double[][][] logits, ObjectiveBatch batch,
                                               DataType type) {
        return new ObjectiveProbe(objective, logits.length, logits[0].length, logits[0][0].length, type)
                .evaluate(logits, batch);
    }

    /** The double reference within 1e-9 and the float32 graph within 1e-5, both relative. */
    private static void assertLoss(double expected, GrpoObjective objective, double[][][] logits, ObjectiveBatch batch) {
        assertEquals(expected, objective.referenceLoss(logits, batch), 1e-9 * Math.abs(expected), "double reference");
        assertEquals(expected, probe(objective, logits, batch, DataType.FLOAT).loss(), 1e-5 * Math.abs(expected),
                "float32 graph");
    }

    private static void assertLoss(double expected, GrpoObjective objective, ObjectiveBatch batch) {
        assertLoss(expected, objective, new double[batch.rows()][batch.length()][2], batch);
    }

    /** The reference's and the graph's diagnostics are the expected ones, and the graph logs what the reference does. */
    private static void assertDiagnostics(Map<String, Double> expected, GrpoObjective objective, ObjectiveBatch batch) {
        double[][][] logits = new double[batch.rows()][batch.length()][2];
        Map<String, Double> reference = objective.referenceDiagnostics(logits, batch);
        Map<String, Double> graph = probe(objective, logits, batch, DataType.FLOAT).diagnostics();
        assertEquals(reference.keySet(), graph.keySet(), "the graph logs the reference's diagnostics");
        reference.forEach((name, value) -> assertEquals(value, graph.get(name), 1e-5 * Math.max(1e-3, Math.abs(value)),
                "graph " + name + " against the reference"));
        expected.forEach((name, value) -> {
            assertTrue(reference.containsKey(name), name + " is logged");
            assertEquals(value, reference.get(name), 1e-9 * Math.abs(value), "reference " + name);
        });
    }

    /** TRL 3084-3091: coef_2 = clamp(ρ, 1 − ε, 1 + ε) from the raw ratio; then coef_1 = min(ρ, δ); ℓ = −min(coef_1·A, coef_2·A). */
    @Test
    void deltaCapsTheRatioOfNegativeAdvantagesAsTrlDoes() {
        // A = −1, ρ = 5, δ = 3: ℓ = |A|·max(min(5, 3), 1.2) = 3 (5 without δ)
        // A = −2, ρ = 2, δ = 3: ℓ = 2·max(min(2, 3), 1.2) = 4 (δ does not bind)
        ObjectiveBatch batch = batch(new double[][] {{1, 1}}, new double[][] {{-1, -2}}, new double[][] {{5, 2}}, null);
        assertLoss((3 + 4) / 2.0, grpo(g -> g.delta(3)), batch);
        assertLoss((5 + 4) / 2.0, grpo(g -> g.delta(0)), batch);
    }

    /** TRL 3084-3091 and the delta help text (grpo_config.py 687-694: "recommended to be greater than 1 + ε"). */
    @Test
    void deltaOfAtLeastOnePlusEpsilonLeavesPositiveAdvantagesAlone() {
        // A = 1 at ρ = 0.5, 1, 2, 5: ℓ = −min(min(ρ, δ), clip(ρ)) = −0.5, −1, −1.2, −1.2 for δ = 1.2 and for no δ
        ObjectiveBatch batch = batch(new double[][] {{1, 1, 1, 1}}, filled(1, 4, 1), new double[][] {{0.5, 1, 2, 5}}, null);
        assertLoss(-(0.5 + 1 + 1.2 + 1.2) / 4, grpo(g -> g.delta(1.2)), batch);
        assertLoss(-(0.5 + 1 + 1.2 + 1.2) / 4, grpo(g -> g.delta(0)), batch);
        // δ = 1.1 < 1 + ε caps the positive side too: ρ = 2 and 5 give −min(1.1, 1.2) = −1.1
        assertLoss(-(0.5 + 1 + 1.1 + 1.1) / 4, grpo(g -> g.delta(1.1)), batch);
    }

    // GSPO batch. Row 0: A = 1, tokens ρ = 1 and 2.25 (and 100 masked out); row 1: A = −1, ρ = 0.5 and 0.5 (100 masked
    // out); row 2: no token (A = 5).
    private static ObjectiveBatch gspoBatch() {
        return batch(new double[][] {{1, 1, 0}, {0, 1, 1}, {0, 0, 0}},
                new double[][] {{1, 1, 1}, {-1, -1, -1}, {5, 5, 5}},
                new double[][] {{1, 2.25, 100}, {100, 0.5, 0.5}, {1, 1, 1}}, null);
    }

    /**
     * TRL 3054-3066: log s_i = Σ_t m·λ / max(Σ_t m, 1), one per row; loss_type grpo (3124-3125) averages the rows'
     * token means over all B rows.
     */
    @Test
    void sequenceLevelRatioIsTheExponentialOfTheMaskedMeanLogRatioAsTrlGspo() {
        // s_0 = exp(½ ln 2.25) = 1.5: ℓ = −min(1.5, 1.2) = −1.2;  s_1 = exp(ln 0.5) = 0.5: ℓ = max(0.5, 0.8) = 0.8;
        // the empty row has s = exp(0/1) = 1 and counts as 0: (−1.2 + 0.8 + 0) / 3
        assertLoss((-1.2 + 0.8) / 3, grpo(g -> g.importanceSampling(ImportanceSampling.SEQUENCE)
                .aggregation(LossAggregation.TRL_GRPO)), gspoBatch());
        // token level instead: row 0 is (−min(1, 1) − min(2.25, 1.2)) / 2 = −1.1, row 1 is 0.8
        assertLoss((-1.1 + 0.8) / 3, grpo(g -> g.importanceSampling(ImportanceSampling.TOKEN)
                .aggregation(LossAggregation.TRL_GRPO)), gspoBatch());
    }

    /** TRL experimental/gspo_token/grpo_trainer.py 78-82; verl compute_policy_loss_gspo 1286-1305: value sg(s_i). */
    @Test
    void sequenceTokenHasTheSequenceRatioAsItsValue() {
        assertLoss((-1.2 + 0.8) / 3, grpo(g -> g.importanceSampling(ImportanceSampling.SEQUENCE_TOKEN)
                .aggregation(LossAggregation.TRL_GRPO)), gspoBatch());
    }

    /**
     * TRL experimental/gspo_token/grpo_trainer.py 79-82 ("sg[si(θ)] · πθ(yi,t)/sg[πθ(yi,t)]"), verl 1294-1297: each
     * token's weight has gradient s_i·∇log π(y_t) of its own token only; GSPO's (TRL 3058) spreads s_i/|o_i|·∇ over
     * the row. One row of two tokens, A = 1 and 3, ρ = 1.1 each (s = 1.1, unclipped), token mean.
     */
    @Test
    void sequenceTokenGradientIsEachTokensOwnScaledByTheSequenceRatio() {
        ObjectiveBatch batch = batch(new double[][] {{1, 1}}, new double[][] {{1, 3}}, filled(1, 2, 1.1), null);
        double[][][] logits = new double[1][2][2];
        // loss = ½(−1·1.1 − 3·1.1) = −2.2 either way; ∂ log π(token 0)/∂z = (½, −½) at zero logits
        GrpoObjective sequence = grpo(g -> g.importanceSampling(ImportanceSampling.SEQUENCE));
        GrpoObjective sequenceToken = grpo(g -> g.importanceSampling(ImportanceSampling.SEQUENCE_TOKEN));
        assertLoss(-2.2, sequence, batch);
        assertLoss(-2.2, sequenceToken, batch);
        // GSPO: ∂loss/∂λ_u = ½(−1 − 3)·s/2 = −1.1 for both tokens
        double[][] gspo = probe(sequence, logits, batch, DataType.DOUBLE).gradient()[0];
        // GSPO-token: ∂loss/∂λ_u = ½·(−A_u)·s: −0.55 and −1.65
        double[][] gspoToken = probe(sequenceToken, logits, batch, DataType.DOUBLE).gradient()[0];
        double[][] expectedGspo = {{-0.55, 0.55}, {-0.55, 0.55}};
        double[][] expectedGspoToken = {{-0.275, 0.275}, {-0.825, 0.825}};
        for (int t = 0; t < 2; t++) {
            for (int v = 0; v < 2; v++) {
                assertEquals(expectedGspo[t][v], gspo[t][v], 1e-9, "GSPO token " + t + " logit " + v);
                assertEquals(expectedGspoToken[t][v], gspoToken[t][v], 1e-9, "GSPO-token token " + t + " logit " + v);
            }
        }
    }

    /** TRL 3069-3076 (k3, unclamped, times coef_1 taken before the δ clamp of 3087). */
    @Test
    void biasCorrectedKlMultipliesK3ByTheRatioBeforeTheDeltaCap() {
        // A = 0, ρ = 5, δ = 3, β = 0.1; r − s = −1: k3 = e^−1 + 1 − 1; r − s = −13: k3 = e^−13 + 13 − 1 (no clamp at 10)
        ObjectiveBatch batch = batch(new double[][] {{1, 1}}, new double[1][2], filled(1, 2, 5), new double[][] {{-1, -13}});
        double k3 = Math.exp(-1) + Math.exp(-13) + 12;
        Consumer<GrpoConfig.Builder> trl = g -> g.delta(3).klBeta(0.1).klEstimator(KlEstimator.K3).klClamp(KlClamp.NONE);
        assertLoss(0.1 * 5 * k3 / 2, grpo(trl.andThen(g -> g.biasCorrectedKl(true))), batch);
        assertLoss(0.1 * k3 / 2, grpo(trl.andThen(g -> g.biasCorrectedKl(false))), batch);
    }

    /** OpenRLHF compute_approx_kl 78-95: every estimator's value is clamped to ±10 at the return, the log-ratio is not. */
    @Test
    void openRlhfClampsEveryEstimatorsValueToTen() {
        // s = −1, r = −13: λ = 12
        assertEquals(10.0, KlEstimator.K1.estimate(-1, -13, KlClamp.OPENRLHF), 0, "k1 = 12");
        assertEquals(-10.0, KlEstimator.K1.estimate(-13, -1, KlClamp.OPENRLHF), 0, "k1 = −12: the lower bound binds");
        assertEquals(10.0, KlEstimator.K2.estimate(-1, -13, KlClamp.OPENRLHF), 0, "k2 = 72");
        assertEquals(10.0, KlEstimator.K3.estimate(-1, -13, KlClamp.OPENRLHF), 0, "k3 = e^−12 + 11");
        assertEquals(Math.exp(-3) + 2, KlEstimator.K3.estimate(-1, -4, KlClamp.OPENRLHF), 1e-15, "k3 within the clamp");
        assertEquals(10.0, KlEstimator.ABS.estimate(-13, -1, KlClamp.OPENRLHF), 0, "|−12| (abs is not OpenRLHF's)");
    }

    /** verl kl_penalty_forward 1879-1896: k1, abs and k2 unclamped; k3 clamps r − s to ±20 and its value to ±10. */
    @Test
    void verlClampsOnlyK3() {
        assertEquals(12.0, KlEstimator.K1.estimate(-1, -13, KlClamp.VERL), 0);
        assertEquals(-12.0, KlEstimator.K1.estimate(-13, -1, KlClamp.VERL), 0);
        assertEquals(12.0, KlEstimator.ABS.estimate(-13, -1, KlClamp.VERL), 0, "abs: |s − r|");
        assertEquals(12.0, KlEstimator.ABS.estimate(-1, -13, KlClamp.VERL), 0);
        assertEquals(72.0, KlEstimator.K2.estimate(-1, -13, KlClamp.VERL), 0, "k2 = ½·12²");
        assertEquals(10.0, KlEstimator.K3.estimate(-1, -13, KlClamp.VERL), 0, "k3 = e^−12 + 11");
        assertEquals(10.0, KlEstimator.K3.estimate(-30, -5, KlClamp.VERL), 0, "r − s = 25 → 20 → e^20 − 21 → 10");
        assertEquals(Math.exp(-3) + 2, KlEstimator.K3.estimate(-1, -4, KlClamp.VERL), 1e-15, "k3 within the clamps");
    }

    /** TRL 3071-3073: k3 = exp(r − s) − (r − s) − 1 with no clamp. */
    @Test
    void trlClampsNothing() {
        assertEquals(Math.exp(-12) + 11, KlEstimator.K3.estimate(-1, -13, KlClamp.NONE), 1e-12);
        double big = Math.exp(25) - 26;
        assertEquals(big, KlEstimator.K3.estimate(-30, -5, KlClamp.NONE), 1e-9 * big, "r − s = 25");
        assertEquals(12.0, KlEstimator.K1.estimate(-1, -13, KlClamp.NONE), 0);
        assertEquals(72.0, KlEstimator.K2.estimate(-1, -13, KlClamp.NONE), 0);
    }

    // Token losses ℓ: row 0 has tokens 1 and 3, row 1 has token 6, row 2 none; 99 where masked out. S = 4, 6, 0; M = 2, 1, 0.
    private static final double[][] LOSSES = {{1, 3, 99}, {6, 99, 99}, {99, 99, 99}};
    private static final double[][] LOSS_MASK = {{1, 1, 0}, {1, 0, 0}, {0, 0, 0}};

    /** {@code aggregation.reference} of LOSSES, and GRPO on-policy with A = −ℓ &lt; 0 (so each token's loss is ℓ). */
    private static void assertAggregation(double expected, LossAggregation aggregation, int normalizer) {
        assertEquals(expected, aggregation.reference(LOSSES, LOSS_MASK, normalizer), 1e-9 * Math.abs(expected),
                aggregation + ".reference");
        double[][] advantages = new double[3][3];
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 3; t++) {
                advantages[b][t] = -LOSSES[b][t];
            }
        }
        assertLoss(expected, grpo(g -> g.aggregation(aggregation).maxResponseLength(normalizer)),
                batch(LOSS_MASK, advantages, filled(3, 3, 1), null));
    }

    /** TRL 3124-3125 ((1/B) Σ_i S_i / max(M_i, 1)) against verl agg_loss 1065-1071 (mean over rows with a token). */
    @Test
    void trlGrpoCountsTheEmptyRowWhereVerlSeqMeanTokenMeanDoesNot() {
        assertAggregation((4 / 2.0 + 6 / 1.0 + 0) / 3, LossAggregation.TRL_GRPO, 4);
        // (4/(2 + 1e-8) + 6/(1 + 1e-8)) / 2 ≈ 4 = 3/2 · 8/3
        assertAggregation((4 / (2 + VERL_EPS) + 6 / (1 + VERL_EPS)) / 2, LossAggregation.VERL_SEQ_MEAN_TOKEN_MEAN, 4);
        // verl 1059-1064, seq-mean-token-sum: (4 + 6) / 2 rows with a token
        assertAggregation(10 / 2.0, LossAggregation.SEQ_MEAN_TOKEN_SUM, 4);
    }

    /** TRL 3134-3135: Σ ℓ·m / (per_token_loss.size(0) · max_completion_length), empty rows in size(0). */
    @Test
    void drGrpoDividesByRowsTimesMaxCompletionLength() {
        assertAggregation(10 / (3.0 * 4), LossAggregation.TRL_DR_GRPO, 4);
        assertAggregation(10 / (3.0 * 8), LossAggregation.TRL_DR_GRPO, 8);
    }

    /** verl agg_loss 1072-1076: Σ_i S_i / loss_scale_factor, no batch size. */
    @Test
    void seqMeanTokenSumNormDividesTheSumByTheConstant() {
        assertAggregation(10 / 4.0, LossAggregation.SEQ_MEAN_TOKEN_SUM_NORM, 4);
        assertAggregation(10 / 8.0, LossAggregation.SEQ_MEAN_TOKEN_SUM_NORM, 8);
    }

    /**
     * TRL 3129-3130 (bnpo: Σ ℓ·m / max(Σ m, 1)) and 3139-3141 (dapo: Σ ℓ·m / num_items_in_batch, which on one process
     * for one batch is this batch's Σ m, 2426-2427); SUM is the plain masked sum (GKD reduction "sum").
     */
    @Test
    void tokenMeanIsTrlBnpoAndDapoOnOneBatchAndSumIsThePlainSum() {
        assertAggregation(10 / 3.0, LossAggregation.TOKEN_MEAN, 4);
        assertAggregation(10.0, LossAggregation.SUM, 4);
        assertEquals(0.0, LossAggregation.TOKEN_MEAN.reference(LOSSES, new double[3][3], 4), 0,
                "bnpo's clamp(min=1): an empty batch is 0/1");
    }

    /** TRL 1517-1521: the logits are divided by the sampling temperature before the log-softmax (old and reference alike). */
    @Test
    void logitTemperatureDividesTheLogitsBeforeTheLogSoftmax() {
        // logits {2, 0} at τ = 2 are {1, 0}: log π(0) = 1 − L, log π(1) = −L with L = ln(1 + e)
        double l = Math.log(1 + Math.E);
        double[][][] logits = {{{2, 0}, {2, 0}}};
        // token 0 (target 0): A = 1, old = log π(0) − ln 1.1 → ρ = 1.1, ℓ = −1.1; token 1 (target 1): A = −1, ρ = 0.9,
        // ℓ = max(0.9, 0.9) = 0.9. (At τ = 1 the ratios would be 1.32 and 0.40, giving −1.2 and 0.8.)
        double[][] old = {{1 - l - Math.log(1.1), -l - Math.log(0.9)}};
        ObjectiveBatch batch = ObjectiveBatch.of(new int[][] {{0, 1}}, new double[][] {{1, 1}}, b -> b
                .perToken(StandardInputs.ADVANTAGES, new double[][] {{1, -1}}).perToken(StandardInputs.OLD_LOG_PROBS, old)
                .perToken(StandardInputs.REFERENCE_LOG_PROBS, new double[1][2]));
        assertLoss((-1.1 + 0.9) / 2, grpo(g -> g.logitTemperature(2)), logits, batch);
        // with k1 to a reference log-prob of 0 at β = 1, the loss adds the mean log-prob at τ: ((1 − L) + (−L)) / 2
        assertLoss((-1.1 + 0.9) / 2 + (1 - 2 * l) / 2, grpo(g -> g.logitTemperature(2).klBeta(1)
                .klEstimator(KlEstimator.K1).klClamp(KlClamp.NONE)), logits, batch);
        // entropies on the scaled logits (TRL 1524-1532): H = L − e/(1 + e)
        double entropy = grpo(g -> g.logitTemperature(2)).referenceDiagnostics(logits, batch).get("entropy");
        assertEquals(l - Math.E / (1 + Math.E), entropy, 1e-12);
    }

    // Diagnostics batch, A and ρ per token. Row 0: (1, 1.5), (1, 0.5), (−1, 0.5), (−1, 5); row 1: (−1, 2), (0, e^25),
    // and masked out (−1, 10), (2, 1). Σ m = 6.
    private static ObjectiveBatch diagnosticsBatch() {
        return batch(new double[][] {{1, 1, 1, 1}, {1, 1, 0, 0}}, new double[][] {{1, 1, -1, -1}, {-1, 0, -1, 2}},
                new double[][] {{1.5, 0.5, 0.5, 5}, {2, Math.exp(25), 10, 1}}, null);
    }

    /**
     * verl 1210-1233: λ = clamp(lp − old, ±20); pg_clipfrac = masked_mean(L2 &gt; L1); pg_clipfrac_lower =
     * masked_mean((max(L1, L2) &gt; −A·c)·(A &lt; 0)); ppo_kl = masked_mean(−λ), masked_mean dividing by Σ m + 1e-8. TRL
     * 3244-3249 and global_masked_mean 3229-3235: (ρ̂ &lt; 1 − ε)&amp;(A &lt; 0), (ρ̂ &gt; 1 + ε)&amp;(A &gt; 0), either, over max(Σ m, 1).
     */
    @Test
    void clipDiagnosticsAreVerlsAndTrlsAtTokenLevel() {
        // L2 > L1 at (1, 1.5): −1.2 > −1.5 and (−1, 0.5): 0.8 > 0.5;  the dual clip c = 3 binds at (−1, 5): 5 > 3;
        // λ: ln 1.5 + ln 0.5 + ln 0.5 + ln 5 + ln 2 + clamp(25) = ln 3.75 + 20
        // TRL low: (−1, 0.5); high: (1, 1.5); A = 0 is never counted
        assertDiagnostics(Map.of("clip_fraction", 2 / (6 + VERL_EPS), "clip_fraction_lower", 1 / (6 + VERL_EPS),
                "ppo_kl", -(Math.log(3.75) + 20) / (6 + VERL_EPS), "clip_ratio_low", 1 / 6.0,
                "clip_ratio_high", 1 / 6.0, "clip_ratio_region", 2 / 6.0, "entropy", Math.log(2)),
                grpo(g -> g.dualClip(3)), diagnosticsBatch());
        // the loss: −1.2 − 0.5 + 0.8 + min(5, 3) + 2 + 0 over 6 tokens
        assertLoss((-1.2 - 0.5 + 0.8 + 3 + 2) / 6, grpo(g -> g.dualClip(3)), diagnosticsBatch());
    }

    /** TRL 3087 reassigns coef_1 = min(ρ, δ) before the clip metrics of 3244-3245 read it. */
    @Test
    void clipRatiosReadTheDeltaCappedRatioAsTrlDoes() {
        // δ = 1.1: (1, 1.5) has ρ̂ = 1.1 ≤ 1.2, so nothing is high-clipped; (−1, 0.5) stays low-clipped
        assertDiagnostics(Map.of("clip_ratio_low", 1 / 6.0, "clip_ratio_high", 0.0, "clip_ratio_region", 1 / 6.0),
                grpo(g -> g.delta(1.1)), diagnosticsBatch());
    }

    /** TRL 3229-3235: at sequence level the clip metrics average the (B, 1) flags over all rows, empty ones too. */
    @Test
    void clipRatiosAtSequenceLevelCountResponsesAsTrlDoes() {
        // s = 1.5 with A = 1 is high-clipped, s = 0.5 with A = −1 low-clipped, the empty row (s = 1) neither: of 3 rows.
        // verl: both rows' 2 tokens have L2 > L1; ppo_kl = −(ln 1 + ln 2.25 + ln 0.5 + ln 0.5) / (4 + 1e-8)
        assertDiagnostics(Map.of("clip_ratio_low", 1 / 3.0, "clip_ratio_high", 1 / 3.0, "clip_ratio_region", 2 / 3.0,
                "clip_fraction", 4 / (4 + VERL_EPS), "ppo_kl", -Math.log(2.25 * 0.25) / (4 + VERL_EPS)),
                grpo(g -> g.importanceSampling(ImportanceSampling.SEQUENCE).aggregation(LossAggregation.TRL_GRPO)),
                gspoBatch());
    }
}
