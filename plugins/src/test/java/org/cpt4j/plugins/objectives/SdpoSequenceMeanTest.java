package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.testing.ObjectiveContract;

/** SDPO aggregated as verl's seq-mean-token-mean, with the student's logits at a temperature, forward KL. */
class SdpoSequenceMeanTest extends ObjectiveContract {

    @Override
    protected Objective objective() {
        return new SdpoObjective(SdpoConfig.of(s -> s.alpha(0).logitTemperature(1.3)
                .aggregation(LossAggregation.VERL_SEQ_MEAN_TOKEN_MEAN)));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return SdpoBatches.independentTeacher(logits, targets, mask, random, 0);
    }
}
