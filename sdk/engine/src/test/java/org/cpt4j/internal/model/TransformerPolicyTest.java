package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;

class TransformerPolicyTest {

    private static final ModelConfig TINY = ModelConfig.of(m -> m.layers(2).width(32).heads(4).context(16).vocabulary(12));

    @Test
    void scoresAreTheLogSoftmaxOfTheLogitsAtTheTargetsAndTheirEntropy() {
        TransformerPolicy policy = TransformerPolicy.create(TINY, OptimizerConfig.of(o -> { }), 4);
        SequenceBatch batch = SequenceBatch.nextToken(new int[][] {{1, 5, 9, 2, 7}, {3, 3, 11}}, 0);
        TokenScores scores = policy.score(batch);
        org.nd4j.linalg.api.ndarray.INDArray logits = policy.logits(batch.inputs());
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                double[] row = new double[TINY.vocabulary()];
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < row.length; v++) {
                    row[v] = logits.getDouble(b, t, v);
                    max = Math.max(max, row[v]);
                }
                double sum = 0;
                for (double value : row) {
                    sum += Math.exp(value - max);
                }
                double logNormaliser = max + Math.log(sum);
                double entropy = 0;
                for (double value : row) {
                    double logP = value - logNormaliser;
                    entropy -= Math.exp(logP) * logP;
                }
                assertEquals(row[batch.targets()[b][t]] - logNormaliser, scores.logProbs()[b][t], 1e-5);
                assertEquals(entropy, scores.entropy()[b][t], 1e-5);
            }
        }
    }

    @Test
    void lossIsTheMaskWeightedMeanNegativeLogLikelihood() {
        TransformerPolicy policy = TransformerPolicy.create(TINY, OptimizerConfig.of(o -> { }), 4);
        SequenceBatch batch = new SequenceBatch(new int[][] {{1, 2, 3}, {4, 5, 6}}, new int[][] {{2, 3, 4}, {5, 6, 7}},
                new float[][] {{1, 0, 1}, {0.5f, 1, 0}});
        TokenScores scores = policy.score(batch);
        double expected = -(scores.logProbs()[0][0] + scores.logProbs()[0][2] + 0.5 * scores.logProbs()[1][0]
                + scores.logProbs()[1][1]) / 3.5;
        assertEquals(expected, policy.loss(batch), 1e-5);
    }

    @Test
    void aTokenOutsideTheVocabularyIsRejectedWithItsPosition() {
        TransformerPolicy policy = TransformerPolicy.create(TINY, OptimizerConfig.of(o -> { }), 4);
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> policy.score(SequenceBatch.nextToken(new int[][] {{1, 2, 12}}, 0)));
        assertEquals("targets[0][1] = 12 is outside the vocabulary [0, 12)", error.getMessage());
    }

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
