package org.cpt4j.internal.model;

import org.cpt4j.objective.LogSoftmax;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.LossGraph;
import org.cpt4j.objective.LossTerms;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;

/**
 * Supervised next-token training: {@code −Σ m·log p(target) / max(Σ m, 1)}, the masked token-mean negative
 * log-likelihood (pretraining, and {@link TransformerPolicy#train(SequenceBatch)}).
 */
public final class NextTokenLoss implements Objective {

    /** The one instance (graphs are cached per objective). */
    public static final NextTokenLoss INSTANCE = new NextTokenLoss();

    private NextTokenLoss() {
    }

    @Override
    public String id() {
        return "next-token";
    }

    @Override
    public LossTerms define(LossGraph graph) {
        return LossTerms.of(LossAggregation.TOKEN_MEAN.aggregate(graph, graph.tokenLogProbs().neg(), graph.mask(), 1));
    }

    @Override
    public double referenceLoss(double[][][] logits, double[][][] detachedLogits, ObjectiveBatch batch) {
        double[][] loss = new double[batch.rows()][batch.length()];
        for (int b = 0; b < batch.rows(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                loss[b][t] = -LogSoftmax.of(logits[b][t])[batch.target(b, t)];
            }
        }
        return LossAggregation.TOKEN_MEAN.reference(loss, batch.mask(), 1);
    }
}
