package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;

class TransformerPolicyTest {

    private static final ModelConfig TINY = ModelConfig.of(m -> m.layers(2).width(32).heads(4).context(16).vocabulary(12));

    @Test
    void overfitsFourSequencesToNearZeroLoss() {
        TransformerPolicy policy = TransformerPolicy.create(TINY, OptimizerConfig.of(o -> o.learningRate(3e-3).weightDecay(0)), 1);
        int[][] sequences = {
                {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
                {10, 9, 8, 7, 6, 5, 4, 3, 2, 1},
                {3, 3, 5, 5, 7, 7, 9, 9, 11, 11},
                {2, 4, 6, 8, 10, 1, 3, 5, 7, 9},
        };
        SequenceBatch batch = SequenceBatch.nextToken(sequences, 0);
        double first = policy.loss(batch);
        for (int i = 0; i < 300; i++) {
            policy.train(batch);
        }
        double after = policy.loss(batch);
        assertTrue(first > 2.0, "initial loss near log(12), was " + first);
        assertTrue(after < 0.05, "loss after 300 steps was " + after);
        assertEquals(300, policy.step());
    }
}
