package org.cpt4j.objective;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * How per-token losses {@code ℓ[b][t]} with mask {@code m[b][t]} become one scalar; names and formulas follow
 * verl's {@code core_algos.agg_loss}. Sequences with no unmasked token are left out of sequence means.
 */
public enum LossAggregation {

    /** {@code Σ m·ℓ / max(Σ m, 1)}: every token weighs the same (verl token-mean; TRL {@code bnpo}). */
    TOKEN_MEAN,
    /** Mean over sequences of each sequence's token mean (TRL {@code grpo}, the original GRPO). */
    SEQ_MEAN_TOKEN_MEAN,
    /** Mean over sequences of each sequence's token sum. */
    SEQ_MEAN_TOKEN_SUM,
    /**
     * {@code Σ m·ℓ / N} for a constant {@code N}, the longest response (Dr. GRPO; verl's
     * {@code loss_scale_factor}; TRL's {@code dr_grpo} divides by {@code B·N} instead).
     */
    SEQ_MEAN_TOKEN_SUM_NORM;

    /**
     * @param graph the graph the variables belong to
     * @param perToken per-token losses {@code [B, L]}
     * @param mask per-token weights {@code [B, L]} (usually {@link LossGraph#mask()})
     * @param normalizer the constant {@code N} of {@link #SEQ_MEAN_TOKEN_SUM_NORM} (ignored by the others)
     * @return the aggregated scalar
     */
    public SDVariable aggregate(LossGraph graph, SDVariable perToken, SDVariable mask, double normalizer) {
        SDVariable masked = perToken.mul(mask);
        var sd = graph.sameDiff();
        return switch (this) {
            case TOKEN_MEAN -> masked.sum().div(sd.math.max(mask.sum(), sd.constant(1.0).castTo(mask.dataType())));
            case SEQ_MEAN_TOKEN_SUM_NORM -> masked.sum().div(normalizer);
            case SEQ_MEAN_TOKEN_MEAN, SEQ_MEAN_TOKEN_SUM -> {
                SDVariable tokens = rowSums(graph, mask);
                SDVariable sums = rowSums(graph, masked);
                SDVariable present = sd.math.sign(tokens);
                SDVariable perSequence = this == SEQ_MEAN_TOKEN_SUM ? sums
                        : sums.div(tokens.add(1e-8));
                yield perSequence.mul(present).sum().div(sd.math.max(present.sum(), sd.constant(1.0).castTo(mask.dataType())));
            }
        };
    }

    /**
     * Sums over positions. With one position per row the values are their own sums: in 1.0.0-M2.1 a reduction
     * along a dimension of size 1 fails, and so does the gradient of a 1×1 matrix product.
     */
    private static SDVariable rowSums(LossGraph graph, SDVariable values) {
        return graph.length() == 1 ? graph.sameDiff().reshape(values, -1) : values.sum(1);
    }

    /** @return the same aggregation in double precision */
    public double reference(double[][] perToken, double[][] mask, double normalizer) {
        double total = 0;
        double tokens = 0;
        double sequenceSum = 0;
        int sequences = 0;
        for (int b = 0; b < perToken.length; b++) {
            double rowSum = 0;
            double rowTokens = 0;
            for (int t = 0; t < perToken[b].length; t++) {
                rowSum += mask[b][t] * perToken[b][t];
                rowTokens += mask[b][t];
            }
            total += rowSum;
            tokens += rowTokens;
            if (rowTokens > 0) {
                sequences++;
                sequenceSum += this == SEQ_MEAN_TOKEN_SUM ? rowSum : rowSum / (rowTokens + 1e-8);
            }
        }
        return switch (this) {
            case TOKEN_MEAN -> total / Math.max(tokens, 1.0);
            case SEQ_MEAN_TOKEN_SUM_NORM -> total / normalizer;
            case SEQ_MEAN_TOKEN_MEAN, SEQ_MEAN_TOKEN_SUM -> sequenceSum / Math.max(sequences, 1);
        };
    }
}
