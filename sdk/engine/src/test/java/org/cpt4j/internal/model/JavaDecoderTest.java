package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.objective.LogSoftmax;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java decoder computes the ND4J decoder's function: the same log-distributions (to float rounding) after
 * a prefill, after each cached token and at every position of whole sequences, with tied and untied heads, on
 * weights trained away from their initial values (so that every gain and bias matters).
 */
class JavaDecoderTest {

    private static final double TOLERANCE = 1e-4;

    private static TransformerPolicy trained(boolean tied) {
        ModelConfig model = ModelConfig.of(m -> m.layers(2).width(32).heads(4).context(24).vocabulary(14)
                .tiedEmbeddings(tied));
        TransformerPolicy policy = TransformerPolicy.create(model, OptimizerConfig.of(o -> o.learningRate(1e-2)), 5);
        SplittableRandom random = new SplittableRandom(2);
        for (int step = 0; step < 8; step++) {
            int[][] sequences = new int[6][12];
            for (int[] sequence : sequences) {
                for (int t = 0; t < sequence.length; t++) {
                    sequence[t] = random.nextInt(model.vocabulary());
                }
            }
            policy.train(SequenceBatch.nextToken(sequences, 0));
        }
        return policy;
    }

    private static void assertSameDistributions(float[][] expected, float[][] actual, String where) {
        assertEquals(expected.length, actual.length, where);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(LogSoftmax.of(expected[r]), LogSoftmax.of(actual[r]), TOLERANCE, where + ", row " + r);
        }
    }

    private static int[][] prompts(int rows, int length, int vocabulary, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] prompts = new int[rows][length];
        for (int[] prompt : prompts) {
            for (int t = 0; t < length; t++) {
                prompt[t] = random.nextInt(vocabulary);
            }
        }
        return prompts;
    }

    @Test
    void prefillAndEachCachedTokenGiveTheNd4jDecodersDistributions() {
        for (boolean tied : new boolean[] {true, false}) {
            TransformerPolicy policy = trained(tied);
            ModelConfig model = policy.model();
            Decoder nd4j = new CachedDecoder(model, policy.parameters());
            Decoder java = new JavaDecoder(model, policy.parameters());
            int[][] prompts = prompts(5, 7, model.vocabulary(), 9);
            assertSameDistributions(nd4j.prefill(prompts), java.prefill(prompts), "prefill, tied " + tied);
            SplittableRandom random = new SplittableRandom(4);
            for (int step = 0; step < model.context() - 7; step++) {
                int[] tokens = new int[prompts.length];
                for (int b = 0; b < tokens.length; b++) {
                    tokens[b] = random.nextInt(model.vocabulary());
                }
                assertSameDistributions(nd4j.next(tokens), java.next(tokens), "token " + step + ", tied " + tied);
            }
            assertEquals(model.context(), java.position());
            assertThrows(IllegalStateException.class, () -> java.next(new int[prompts.length]), "the cache is full");
        }
    }

    @Test
    void everyPositionOfWholeSequencesGivesTheNd4jDecodersDistributions() {
        TransformerPolicy policy = trained(true);
        ModelConfig model = policy.model();
        int[][] sequences = prompts(4, model.context(), model.vocabulary(), 3);
        assertSameDistributions(new CachedDecoder(model, policy.parameters()).logitsAtEveryPosition(sequences),
                new JavaDecoder(model, policy.parameters()).logitsAtEveryPosition(sequences), "whole sequences");
    }

    @Test
    void eachPrefillReadsTheParametersAsTheyAreThen() {
        TransformerPolicy policy = trained(true);
        Decoder java = new JavaDecoder(policy.model(), policy.parameters());
        int[][] prompts = prompts(2, 5, policy.model().vocabulary(), 1);
        float[][] before = java.prefill(prompts);
        policy.train(SequenceBatch.nextToken(prompts(6, 12, policy.model().vocabulary(), 8), 0));
        assertSameDistributions(new CachedDecoder(policy.model(), policy.parameters()).prefill(prompts),
                java.prefill(prompts), "after a training step");
        float[][] after = java.prefill(prompts);
        assertThrows(AssertionError.class, () -> assertSameDistributions(before, after, "moved"),
                "the step moved the distributions, and the decoder saw it");
    }

    @Test
    void aTokenOutsideTheVocabularyIsRefused() {
        TransformerPolicy policy = trained(true);
        Decoder java = new JavaDecoder(policy.model(), policy.parameters());
        assertThrows(IllegalArgumentException.class, () -> java.prefill(new int[][] {{1, 99}}));
    }
}
