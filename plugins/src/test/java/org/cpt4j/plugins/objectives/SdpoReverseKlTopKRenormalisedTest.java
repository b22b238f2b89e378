package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** SDPO: reverse KL over the student's top 2, renormalised, no importance weight. */
class SdpoReverseKlTopKRenormalisedTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new SdpoObjective(SdpoConfig.of(s -> s.alpha(1).topK(2).tailBucket(false).isClip(0).grpo(g -> g.klBeta(0.1))));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return SdpoBatches.independentTeacher(logits, targets, mask, random, 2);
    }
}
