package org.cpt4j.internal.model;

import org.cpt4j.objective.FormulaObjective;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.LossInputs;
import org.cpt4j.objective.LossTerms;

/**
 * Supervised next-token training: {@code −Σ m·log p(target) / max(Σ m, 1)}, the masked token-mean negative
 * log-likelihood (pretraining, and {@link TransformerPolicy#train(SequenceBatch)}).
 */
public final class NextTokenLoss implements FormulaObjective {

    /** The one instance (graphs are cached per objective). */
    public static final NextTokenLoss INSTANCE = new NextTokenLoss();

    private NextTokenLoss() {
    }

    @Override
    public String id() {
        return "next-token";
    }

    @Override
    public <T> LossTerms<T> loss(LossInputs<T> inputs) {
        return LossTerms.of(LossAggregation.TOKEN_MEAN.aggregate(inputs.math(), inputs.math().neg(inputs.tokenLogProbs()),
                inputs.mask(), 1));
    }
}
