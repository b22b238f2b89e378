package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** GRPO with k1 KL and sequence-mean token-sum aggregation, token-mean's last sibling. */
class GrpoSequenceSumTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new GrpoObjective(GrpoConfig.of(g -> g.klBeta(0.2).klEstimator(KlEstimator.K1).clip(0.1)
                .aggregation(LossAggregation.SEQ_MEAN_TOKEN_SUM)));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return GrpoObjectiveTest.grpoBatch(logits, targets, mask, random);
    }
}
