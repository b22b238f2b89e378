package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** SDPO: forward KL over the student's top 3 plus the tail bucket. */
class SdpoForwardKlTopKTailTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new SdpoObjective(SdpoConfig.of(s -> s.alpha(0).topK(3).tailBucket(true).grpo(g -> g.klBeta(0.1))));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return SdpoBatches.independentTeacher(logits, targets, mask, random, 3);
    }
}
