package org.cpt4j.internal.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;

class TeacherWeightsTest {

    private static final ModelConfig MODEL = ModelConfig.of(m -> m.layers(1).width(16).heads(2).context(16).vocabulary(9));
    private static final int[][] SEQUENCES = {{1, 4, 5, 6, 7}, {1, 8, 3}};

    private static TransformerPolicy trainedAway(TransformerPolicy policy) {
        for (int i = 0; i < 5; i++) {
            policy.train(SequenceBatch.nextToken(new int[][] {{1, 2, 3, 4, 5, 6}}, 0));
        }
        return policy;
    }

    private static double first(double[][][] logProbs) {
        return logProbs[0][2][5];
    }

    @Test
    void theTeacherIsFrozenUntilAScheduleMovesIt() {
        TransformerPolicy policy = TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> o.learningRate(0.05)), 1);
        TeacherWeights teacher = new TeacherWeights(MODEL, policy.parameters(), Kernels.TRANSFORMER);
        teacher.copyPolicy();
        double before = first(teacher.logProbs(SEQUENCES));
        trainedAway(policy);
        assertEquals(before, first(teacher.logProbs(SEQUENCES)), 0.0, "the teacher has weights of its own");
        assertEquals(before, first(teacher.referenceLogProbs(SEQUENCES)), 0.0, "the anchor is the start");
        assertTrue(Math.abs(first(teacher.policyLogProbs(SEQUENCES)) - before) > 1e-3, "the policy moved");
        teacher.followPolicy();
        assertEquals(first(teacher.policyLogProbs(SEQUENCES)), first(teacher.logProbs(SEQUENCES)), 0.0);
        teacher.copyPolicy();
        assertTrue(teacher.weights().sameValues(policy.parameters()));
    }

    @Test
    void emaAndAnchorBlendsAreTheirFormulas() {
        TransformerPolicy policy = TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> o.learningRate(0.05)), 2);
        TeacherWeights teacher = new TeacherWeights(MODEL, policy.parameters(), Kernels.TRANSFORMER);
        float[] anchor = policy.parameters().get("block0/mlp/up_weight").ravel().toFloatVector();
        trainedAway(policy);
        float[] live = policy.parameters().get("block0/mlp/up_weight").ravel().toFloatVector();
        teacher.moveTowardPolicy(0.25);
        assertArrayEquals(blend(anchor, live, 0.25), teacher.weights().get("block0/mlp/up_weight").ravel().toFloatVector(), 1e-6f);
        teacher.blendWithAnchor(0.4);
        assertArrayEquals(blend(live, anchor, 0.4), teacher.weights().get("block0/mlp/up_weight").ravel().toFloatVector(), 1e-6f);
    }

    @Test
    void theTrustRegionTeacherLerpsAnchorAndPolicyLogits() {
        TransformerPolicy policy = TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> o.learningRate(0.05)), 3);
        TeacherWeights teacher = new TeacherWeights(MODEL, policy.parameters(), Kernels.TRANSFORMER);
        trainedAway(policy);
        teacher.mixLogits(0);
        assertEquals(first(teacher.referenceLogProbs(SEQUENCES)), first(teacher.logProbs(SEQUENCES)), 1e-9);
        teacher.mixLogits(1);
        assertEquals(first(teacher.policyLogProbs(SEQUENCES)), first(teacher.logProbs(SEQUENCES)), 1e-9);
        // in between, log_softmax(0.7·anchor + 0.3·policy logits); log-softmax is shift-invariant, so the mix of
        // the two log-distributions, normalised again, is the same thing
        teacher.mixLogits(0.3);
        double[] anchor = teacher.referenceLogProbs(SEQUENCES)[0][2];
        double[] live = teacher.policyLogProbs(SEQUENCES)[0][2];
        double[] mixed = new double[anchor.length];
        for (int v = 0; v < mixed.length; v++) {
            mixed[v] = 0.7 * anchor[v] + 0.3 * live[v];
        }
        assertArrayEquals(SequenceScorer.logSoftmax(new double[][][] {{mixed}})[0][0], teacher.logProbs(SEQUENCES)[0][2],
                1e-9, "the logits are mixed, not the probabilities");
    }

    private static float[] blend(float[] from, float[] to, double weight) {
        float[] out = new float[from.length];
        for (int i = 0; i < from.length; i++) {
            out[i] = (float) ((1 - weight) * from[i] + weight * to[i]);
        }
        return out;
    }
}
