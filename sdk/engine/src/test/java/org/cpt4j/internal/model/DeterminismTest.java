package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final ModelConfig CONFIG = ModelConfig.of(m -> m.layers(2).width(16).heads(2).context(16).vocabulary(10));
    private static final OptimizerConfig OPTIMIZER = OptimizerConfig.of(o -> o.learningRate(1e-2).warmupSteps(2).totalSteps(10));
    private static final SequenceBatch BATCH = SequenceBatch.nextToken(new int[][] {
            {1, 2, 3, 4, 5, 6, 7, 8, 9}, {9, 8, 7, 6, 5}, {2, 2, 4, 4, 6, 6, 8, 8}}, 0);

    @Test
    void sameSeedGivesSameParametersAndLogitsAfterTraining() {
        TransformerPolicy first = trained(42, 6);
        TransformerPolicy second = trained(42, 6);
        assertTrue(first.parameters().sameValues(second.parameters()));
        assertEquals(first.logits(BATCH.inputs()), second.logits(BATCH.inputs()));
    }

    @Test
    void differentSeedsGiveDifferentParameters() {
        assertFalse(trained(1, 0).parameters().sameValues(trained(2, 0).parameters()));
    }

    @Test
    void restoringAStateContinuesExactlyLikeTheUninterruptedRun() {
        TransformerPolicy uninterrupted = trained(5, 3);
        PolicyState saved = uninterrupted.state();
        for (int i = 0; i < 3; i++) {
            uninterrupted.train(BATCH);
        }
        TransformerPolicy resumed = TransformerPolicy.fromState(saved);
        for (int i = 0; i < 3; i++) {
            resumed.train(BATCH);
        }
        assertEquals(6, resumed.step());
        assertTrue(uninterrupted.parameters().sameValues(resumed.parameters()));
        assertTrue(uninterrupted.state().firstMoment().sameValues(resumed.state().firstMoment()));
    }

    @Test
    void restoreOverwritesAPolicyInPlace() {
        TransformerPolicy policy = trained(5, 2);
        PolicyState saved = policy.state();
        policy.train(BATCH);
        assertFalse(policy.parameters().sameValues(saved.parameters()));
        policy.restore(saved);
        assertTrue(policy.parameters().sameValues(saved.parameters()));
        assertEquals(saved.step(), policy.step());
    }

    private static TransformerPolicy trained(long seed, int steps) {
        TransformerPolicy policy = TransformerPolicy.create(CONFIG, OPTIMIZER, seed);
        for (int i = 0; i < steps; i++) {
            policy.train(BATCH);
        }
        return policy;
    }
}
