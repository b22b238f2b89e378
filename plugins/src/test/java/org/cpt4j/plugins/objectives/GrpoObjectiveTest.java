package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.cpt4j.testing.ObjectiveProbe;
import org.cpt4j.objective.DoubleMath;
import org.cpt4j.objective.DoubleTensor;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.testing.ObjectiveContract;
import org.cpt4j.testing.ObjectiveInputs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** GRPO with every term on: k3 KL, entropy bonus, dual clip, asymmetric clip, sequence-mean aggregation. */
class GrpoObjectiveTest extends ObjectiveContract {

    static ObjectiveBatch grpoBatch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        double[] rewards = ObjectiveInputs.rewards(random, logits.length, 1);
        return ObjectiveBatch.of(targets, mask, b -> b
                .perToken(StandardInputs.ADVANTAGES, ObjectiveInputs.perSequence(rewards, targets[0].length))
                .perToken(StandardInputs.OLD_LOG_PROBS, ObjectiveInputs.nearbyTokenLogProbs(random, logits, targets, 0.5))
                .perToken(StandardInputs.REFERENCE_LOG_PROBS,
                        ObjectiveInputs.nearbyTokenLogProbs(random, logits, targets, 1.0))
                .perToken(StandardInputs.ROLLOUT_LOG_PROBS,
                        ObjectiveInputs.nearbyTokenLogProbs(random, logits, targets, 0.5)));
    }

    @Override
    protected Objective objective() {
        return new GrpoObjective(GrpoConfig.of(g -> g.clipLow(0.2).clipHigh(0.28).dualClip(3).klBeta(0.1)
                .klEstimator(KlEstimator.K3).entropyBonus(0.01).aggregation(LossAggregation.VERL_SEQ_MEAN_TOKEN_MEAN)));
    }

    @Override
    protected ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random) {
        return grpoBatch(logits, targets, mask, random);
    }

    /** One token, advantage {@code a}, old log-prob set so the ratio is {@code ratio}. */
    private static double[] gradientAtRatio(GrpoObjective objective, double advantage, double ratio) {
        double[][][] logits = {{{0.3, -0.2, 0.9}}};
        double policy = ObjectiveInputs.logProbs(logits)[0][0][1];
        ObjectiveBatch batch = ObjectiveBatch.of(new int[][] {{1}}, new double[][] {{1}}, b -> b
                .perToken(StandardInputs.ADVANTAGES, new double[][] {{advantage}})
                .perToken(StandardInputs.OLD_LOG_PROBS, new double[][] {{policy - Math.log(ratio)}}));
        return new ObjectiveProbe(objective, 1, 1, 3, DataType.DOUBLE).evaluate(logits, batch).gradient()[0][0];
    }

    @Property(tries = 100)
    void theGradientVanishesOutsideTheTrustRegionOnTheClippedSide(
            @ForAll @DoubleRange(min = 0.05, max = 3) double magnitude,
            @ForAll @DoubleRange(min = 0.05, max = 0.4) double epsilon,
            @ForAll @DoubleRange(min = 1.01, max = 3) double beyond) {
        GrpoObjective objective = new GrpoObjective(GrpoConfig.of(g -> g.clip(epsilon)));
        for (double value : gradientAtRatio(objective, magnitude, (1 + epsilon) * beyond)) {
            assertEquals(0.0, value, 1e-12, "positive advantage, ratio above 1 + ε");
        }
        for (double value : gradientAtRatio(objective, -magnitude, (1 - epsilon) / beyond)) {
            assertEquals(0.0, value, 1e-12, "negative advantage, ratio below 1 − ε");
        }
        assertTrue(Math.abs(gradientAtRatio(objective, magnitude, (1 - epsilon) / beyond)[1]) > 1e-4,
                "the unclipped side still learns");
        assertTrue(Math.abs(gradientAtRatio(objective, -magnitude, (1 + epsilon) * beyond)[1]) > 1e-4,
                "the unclipped side still learns");
    }

    @Test
    void dualClipBoundsTheLossOfNegativeAdvantagesAtLargeRatios() {
        GrpoObjective dual = new GrpoObjective(GrpoConfig.of(g -> g.clip(0.2).dualClip(3)));
        assertEquals(3.0, tokenLoss(dual, Math.log(10), 0, -1.0), 1e-12, "min(10, 3) = 3");
        assertEquals(2.0, tokenLoss(dual, Math.log(2), 0, -1.0), 1e-12, "below c the PPO loss stands");
        for (double value : gradientAtRatio(dual, -1.0, 10)) {
            assertEquals(0.0, value, 1e-12);
        }
    }

    @Test
    void onPolicyWithoutRegularisersTheLossIsMinusTheMeanAdvantage() {
        GrpoObjective objective = new GrpoObjective(GrpoConfig.of(g -> { }));
        SplittableRandom random = new SplittableRandom(3);
        double[][][] logits = ObjectiveInputs.logits(random, 3, 4, 5, 2.0);
        int[][] targets = ObjectiveInputs.targets(random, 3, 4, 5);
        double[][] mask = {{1, 1, 0, 0}, {0, 1, 1, 1}, {1, 0, 0, 0}};
        double[] advantages = {0.5, -1.0, 3.0};
        ObjectiveBatch batch = ObjectiveBatch.of(targets, mask, b -> b
                .perToken(StandardInputs.ADVANTAGES, ObjectiveInputs.perSequence(advantages, 4))
                .perToken(StandardInputs.OLD_LOG_PROBS, ObjectiveInputs.nearbyTokenLogProbs(random, logits, targets, 0)));
        double expected = -(2 * 0.5 + 3 * -1.0 + 3.0) / 6;
        assertEquals(expected, objective.referenceLoss(logits, batch), 1e-12);
        ObjectiveProbe.Result result = new ObjectiveProbe(objective, 3, 4, 5, DataType.FLOAT).evaluate(logits, batch);
        assertEquals(expected, result.loss(), 1e-5);
        assertEquals(0.0, result.diagnostics().get("clip_fraction"), 1e-12);
        assertEquals(0.0, result.diagnostics().get("ppo_kl"), 1e-6);
    }

    /** @return the surrogate's loss of one token, in double precision */
    static double tokenLoss(GrpoObjective objective, double policy, double old, double advantage) {
        return objective.surrogate(new DoubleMath(1), DoubleTensor.scalar(policy), DoubleTensor.scalar(old),
                DoubleTensor.scalar(advantage), DoubleTensor.scalar(1)).loss().scalar();
    }
}
