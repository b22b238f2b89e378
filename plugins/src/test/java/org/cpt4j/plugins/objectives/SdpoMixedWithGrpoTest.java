package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** SDPO: JSD over the top 4 with tail, mixed with GRPO at weight 0.4. */
class SdpoMixedWithGrpoTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new SdpoObjective(SdpoConfig.of(s -> s.alpha(0.3).topK(4).grpoWeight(0.4).grpo(g -> g.klBeta(0.1))));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return SdpoBatches.independentTeacher(logits, targets, mask, random, 4);
    }
}
