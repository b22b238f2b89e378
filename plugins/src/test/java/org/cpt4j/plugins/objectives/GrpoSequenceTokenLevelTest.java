package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/**
 * GRPO as verl's GSPO (GSPO-token: the sequence ratio in value, each token's gradient), with the bias-corrected
 * OpenRLHF-clamped k1 KL, a logit temperature and verl's sequence mean of token means.
 */
class GrpoSequenceTokenLevelTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new GrpoObjective(GrpoConfig.of(g -> g.importanceSampling(ImportanceSampling.SEQUENCE_TOKEN)
                .klBeta(0.1).klEstimator(KlEstimator.K1).klClamp(KlClamp.OPENRLHF).biasCorrectedKl(true)
                .logitTemperature(0.7).aggregation(LossAggregation.VERL_SEQ_MEAN_TOKEN_MEAN)));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return GrpoObjectiveTest.grpoBatch(logits, targets, mask, random);
    }
}
