package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** GRPO as TRL's dr_grpo: token sums over rows times the longest response, verl's abs KL, an entropy bonus. */
class GrpoDrGrpoTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new GrpoObjective(GrpoConfig.of(g -> g.aggregation(LossAggregation.TRL_DR_GRPO).maxResponseLength(5)
                .klBeta(0.02).klEstimator(KlEstimator.ABS).entropyBonus(0.01).delta(3).dualClip(2.5)));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return GrpoObjectiveTest.grpoBatch(logits, targets, mask, random);
    }
}
