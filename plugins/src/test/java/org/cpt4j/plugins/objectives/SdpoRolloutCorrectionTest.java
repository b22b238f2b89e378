package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** SDPO with the official code's token-level rollout correction (threshold 2) beside its importance clip. */
class SdpoRolloutCorrectionTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new SdpoObjective(SdpoConfig.of(s -> s.rolloutCorrection(RolloutCorrection.TOKEN)));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return SdpoBatches.independentTeacher(logits, targets, mask, random, 0);
    }
}
