package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** GRPO as GSPO, TRL's way: one ratio per response, TRL's grpo aggregation, a delta cap and TRL's unclamped k3. */
class GrpoSequenceLevelTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new GrpoObjective(GrpoConfig.of(g -> g.importanceSampling(ImportanceSampling.SEQUENCE).delta(1.5)
                .klBeta(0.05).klClamp(KlClamp.NONE).aggregation(LossAggregation.TRL_GRPO)));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return GrpoObjectiveTest.grpoBatch(logits, targets, mask, random);
    }
}
