package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** GRPO as Dr. GRPO: no std scaling upstream, token sums normalised by a constant, k2 KL. */
class GrpoTokenSumTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new GrpoObjective(GrpoConfig.of(g -> g.klBeta(0.05).klEstimator(KlEstimator.K2)
                .aggregation(LossAggregation.SEQ_MEAN_TOKEN_SUM_NORM).maxResponseLength(6)));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return GrpoObjectiveTest.grpoBatch(logits, targets, mask, random);
    }
}
