package org.cpt4j.objective;

/**
 * How per-token losses {@code ℓ[b][t]} with mask {@code m[b][t]} become one scalar, under the names of the library
 * whose convention each follows; where TRL and verl disagree, both are here. Over a batch of {@code B} rows, with
 * {@code S_b = Σ_t m·ℓ} and {@code M_b = Σ_t m} (docs/objectives.md maps each to its upstream source line).
 */
public enum LossAggregation {

    /**
     * {@code Σ_b S_b / max(Σ_b M_b, 1)}: every token weighs the same (verl {@code token-mean}; TRL {@code bnpo}, and
     * TRL {@code dapo}, whose global token count is this batch's: cpt4j takes one optimizer step per batch, on one
     * process).
     */
    TOKEN_MEAN,
    /**
     * {@code (1/B) Σ_b S_b / max(M_b, 1)} over all {@code B} rows, an empty row counting as 0 (TRL {@code grpo}, the
     * original GRPO).
     */
    TRL_GRPO,
    /**
     * The mean of {@code S_b / (M_b + 1e-8)} over the rows with a token (verl {@code seq-mean-token-mean}: empty rows
     * are left out of the mean, where {@link #TRL_GRPO} counts them).
     */
    VERL_SEQ_MEAN_TOKEN_MEAN,
    /** The mean of {@code S_b} over the rows with a token (verl {@code seq-mean-token-sum}). */
    SEQ_MEAN_TOKEN_SUM,
    /**
     * {@code Σ_b S_b / N} for a constant {@code N}, the longest response (verl {@code seq-mean-token-sum-norm} with
     * {@code loss_scale_factor = N}; Dr. GRPO).
     */
    SEQ_MEAN_TOKEN_SUM_NORM,
    /** {@code Σ_b S_b / (B·N)} for the longest response {@code N} (TRL {@code dr_grpo}). */
    TRL_DR_GRPO,
    /** {@code Σ_b S_b}: no normaliser (GKD {@code reduction="sum"}). */
    SUM,
    /**
     * {@code Σ_b S_b / (max(Σ_b M_b, 1)·N)} for the {@code N} entries a distribution loss sums over at each position:
     * the mean over every (token, vocabulary entry) pair (GKD {@code reduction="mean"}); for distribution losses only.
     */
    GKD_MEAN;

    /**
     * @param math the operations to compute with
     * @param perToken per-token losses {@code [B, L]}
     * @param mask per-token weights {@code [B, L]} (usually {@link LossInputs#mask()})
     * @param normalizer the constant {@code N} of {@link #SEQ_MEAN_TOKEN_SUM_NORM} and {@link #TRL_DR_GRPO}, or the
     *     entries per position of {@link #GKD_MEAN} (ignored by the others)
     * @return the aggregated scalar
     */
    public <T> T aggregate(TensorMath<T> math, T perToken, T mask, double normalizer) {
        T masked = math.mul(perToken, mask);
        return switch (this) {
            case TOKEN_MEAN -> math.div(math.sum(masked), atLeastOne(math, math.sum(mask)));
            case SUM -> math.sum(masked);
            case GKD_MEAN -> math.mul(math.div(math.sum(masked), atLeastOne(math, math.sum(mask))), 1 / normalizer);
            case SEQ_MEAN_TOKEN_SUM_NORM -> math.mul(math.sum(masked), 1 / normalizer);
            case TRL_DR_GRPO -> math.div(math.mul(math.sum(masked), 1 / normalizer),
                    math.count(math.sumPositions(mask)));
            case TRL_GRPO -> {
                T rows = math.sumPositions(mask);
                T perSequence = math.div(math.sumPositions(masked), atLeastOne(math, rows));
                yield math.div(math.sum(perSequence), math.count(rows));
            }
            case VERL_SEQ_MEAN_TOKEN_MEAN, SEQ_MEAN_TOKEN_SUM -> {
                T tokens = math.sumPositions(mask);
                T sums = math.sumPositions(masked);
                T present = math.sign(tokens);
                T perSequence = this == SEQ_MEAN_TOKEN_SUM ? sums : math.div(sums, math.add(tokens, 1e-8));
                yield math.div(math.sum(math.mul(perSequence, present)), atLeastOne(math, math.sum(present)));
            }
        };
    }

    private static <T> T atLeastOne(TensorMath<T> math, T value) {
        return math.max(value, math.constant(1));
    }

    /** @return the same aggregation of arrays {@code [B][L]}, in double precision */
    public double reference(double[][] perToken, double[][] mask, double normalizer) {
        DoubleMath math = new DoubleMath(perToken[0].length);
        return aggregate(math, DoubleTensor.of(perToken), DoubleTensor.of(mask), normalizer).scalar();
    }
}
