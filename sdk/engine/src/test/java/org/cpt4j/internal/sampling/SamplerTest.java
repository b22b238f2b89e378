package org.cpt4j.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.model.TokenScores;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.text.Tokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final ModelConfig MODEL = ModelConfig.of(m -> m.layers(2).width(32).heads(4).context(32).vocabulary(16));
    private static final SamplingConfig WARM = SamplingConfig.of(s -> s.temperature(1.0).maxNewTokens(20));
    private static TransformerPolicy policy;

    /** A policy trained a little on patterned sequences, so its distributions are far from uniform. */
    @BeforeAll
    static void trainAPeakedPolicy() {
        policy = TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> o.learningRate(3e-3)), 11);
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 0; step < 40; step++) {
            int[][] sequences = new int[8][];
            for (int b = 0; b < sequences.length; b++) {
                int length = 6 + random.nextInt(10);
                sequences[b] = new int[length];
                sequences[b][0] = Tokenizer.BOS;
                for (int t = 1; t < length; t++) {
                    sequences[b][t] = t == length - 1 ? Tokenizer.EOS : 6 + (sequences[b][t - 1] + t) % 10;
                }
            }
            policy.train(SequenceBatch.nextToken(sequences, Tokenizer.PAD));
        }
    }

    private static List<int[]> prompts() {
        return List.of(new int[] {1, 7, 8}, new int[] {1, 9}, new int[] {1, 7, 8, 12, 13, 3}, new int[] {1, 10, 11});
    }

    @Test
    void cachedDecodingEqualsFullRecomputation() {
        List<Generation> cached = new TransformerSampler(MODEL, policy.parameters(), TransformerSampler.Mode.CACHED, 64)
                .sample(prompts(), 3, WARM, 5);
        List<Generation> recomputed = new TransformerSampler(MODEL, policy.parameters(), TransformerSampler.Mode.RECOMPUTE, 64)
                .sample(prompts(), 3, WARM, 5);
        assertEquals(cached.size(), recomputed.size());
        for (int i = 0; i < cached.size(); i++) {
            assertArrayEquals(cached.get(i).tokens(), recomputed.get(i).tokens());
            assertArrayEquals(cached.get(i).logProbs(), recomputed.get(i).logProbs(), 1e-5f);
            assertArrayEquals(cached.get(i).entropies(), recomputed.get(i).entropies(), 1e-5f);
        }
    }

    @Test
    void samplerLogProbsEqualTheTrainingGraphsRecomputedLogProbs() {
        List<int[]> prompts = prompts();
        List<Generation> generations = new TransformerSampler(MODEL, policy.parameters()).sample(prompts, 4, WARM, 9);
        List<int[]> sequences = new ArrayList<>();
        for (Generation g : generations) {
            int[] prompt = prompts.get(g.prompt());
            int[] sequence = new int[prompt.length + g.length()];
            System.arraycopy(prompt, 0, sequence, 0, prompt.length);
            System.arraycopy(g.tokens(), 0, sequence, prompt.length, g.length());
            sequences.add(sequence);
        }
        TokenScores scores = policy.score(SequenceBatch.nextToken(sequences.toArray(int[][]::new), Tokenizer.PAD));
        double worst = 0;
        for (int i = 0; i < generations.size(); i++) {
            Generation g = generations.get(i);
            int start = prompts.get(g.prompt()).length - 1;
            for (int t = 0; t < g.length(); t++) {
                worst = Math.max(worst, Math.abs(g.logProbs()[t] - scores.logProbs()[i][start + t]));
                assertEquals(scores.entropy()[i][start + t], g.entropies()[t], 1e-4);
            }
        }
        assertTrue(worst < 1e-4, "largest log-prob difference " + worst);
    }

    @Test
    void aVanishingTemperatureDecodesGreedily() {
        Sampler sampler = new TransformerSampler(MODEL, policy.parameters());
        List<Generation> greedy = sampler.sample(prompts(), 1, SamplingConfig.greedy(20), 1);
        List<Generation> cold = sampler.sample(prompts(), 1, SamplingConfig.of(s -> s.temperature(1e-6).maxNewTokens(20)), 2);
        for (int i = 0; i < greedy.size(); i++) {
            assertArrayEquals(greedy.get(i).tokens(), cold.get(i).tokens());
        }
    }

    @Test
    void aSampleDependsOnlyOnSeedPromptIndexAndSampleIndex() {
        List<int[]> prompts = prompts();
        List<Generation> together = new TransformerSampler(MODEL, policy.parameters(), TransformerSampler.Mode.CACHED, 64)
                .sample(prompts, 3, WARM, 21);
        List<Generation> oneRowAtATime = new TransformerSampler(MODEL, policy.parameters(), TransformerSampler.Mode.CACHED, 1)
                .sample(prompts, 3, WARM, 21);
        List<Generation> fewerPrompts = new TransformerSampler(MODEL, policy.parameters())
                .sample(prompts.subList(0, 2), 3, WARM, 21);
        for (int i = 0; i < together.size(); i++) {
            assertArrayEquals(together.get(i).tokens(), oneRowAtATime.get(i).tokens());
        }
        for (int i = 0; i < fewerPrompts.size(); i++) {
            assertArrayEquals(together.get(i).tokens(), fewerPrompts.get(i).tokens());
        }
    }

    @Test
    void generationStopsAtEndOfSequenceOrAtTheLengthLimit() {
        List<Generation> generations = new TransformerSampler(MODEL, policy.parameters())
                .sample(prompts(), 8, SamplingConfig.of(s -> s.maxNewTokens(6)), 4);
        for (Generation g : generations) {
            assertTrue(g.length() <= 6);
            int eos = indexOf(g.tokens(), Tokenizer.EOS);
            assertEquals(g.finished(), eos >= 0);
            if (g.finished()) {
                assertEquals(g.length() - 1, eos, "nothing after end-of-sequence");
            } else {
                assertEquals(6, g.length());
            }
        }
        assertTrue(generations.stream().anyMatch(Generation::finished), "the trained policy ends some responses");
        List<Generation> cut = new TransformerSampler(MODEL, policy.parameters())
                .sample(prompts(), 8, SamplingConfig.of(s -> s.maxNewTokens(1)), 4);
        for (Generation g : cut) {
            assertEquals(1, g.length());
            assertEquals(g.tokens()[0] == Tokenizer.EOS, g.finished(), "one token: finished only if it ends the response");
        }
        assertTrue(cut.stream().anyMatch(g -> !g.finished()), "a one-token limit cuts responses short");
    }

    @Test
    void topKOfOneIsGreedy() {
        Sampler sampler = new TransformerSampler(MODEL, policy.parameters());
        List<Generation> greedy = sampler.sample(prompts(), 2, SamplingConfig.greedy(12), 1);
        List<Generation> topOne = sampler.sample(prompts(), 2, SamplingConfig.of(s -> s.topK(1).maxNewTokens(12)), 7);
        for (int i = 0; i < greedy.size(); i++) {
            assertArrayEquals(greedy.get(i).tokens(), topOne.get(i).tokens());
        }
    }

    private static int indexOf(int[] tokens, int token) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] == token) {
                return i;
            }
        }
        return -1;
    }
}
