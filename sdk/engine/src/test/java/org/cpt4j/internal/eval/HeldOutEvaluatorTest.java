package org.cpt4j.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.testing.FixtureDomain;
import org.cpt4j.domain.Task;
import org.cpt4j.evaluation.DomainScore;
import org.cpt4j.evaluation.EvaluationSampling;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.sampling.TransformerSampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.text.Tokenizer;
import org.junit.jupiter.api.Test;

class HeldOutEvaluatorTest {

    /** Every task is {@code 1} → {@code 2}, so a policy trained on its solution answers it greedily. */
    private static final Domain CONSTANT = new FixtureDomain("constant", "12", random -> {
        random.nextInt();
        return new Task("constant", "1", "2", "", "1");
    });

    @Test
    void heldOutTasksAreTheSameForTheSameSeedAndDifferAcrossSeeds() {
        Domain counter = new FixtureDomain("counter", "0123456789",
                random -> new Task("counter", Integer.toString(random.nextInt(1_000_000)), "0", "0", "00"));
        assertEquals(HeldOutEvaluator.heldOutTasks(counter, 5, 1), HeldOutEvaluator.heldOutTasks(counter, 5, 1));
        assertNotEquals(HeldOutEvaluator.heldOutTasks(counter, 5, 1), HeldOutEvaluator.heldOutTasks(counter, 5, 2));
    }

    @Test
    void scoresCountCorrectWellFormedAnswersAndLengths() {
        PromptFormat format = new PromptFormat(Tokenizer.forDomains(List.of(CONSTANT)));
        ModelConfig model = ModelConfig.of(m -> m.layers(1).width(16).heads(2).context(16)
                .vocabulary(format.tokenizer().vocabularySize()));
        TransformerPolicy policy = TransformerPolicy.create(model, OptimizerConfig.of(o -> o.learningRate(1e-2)), 1);
        Task task = CONSTANT.task(RandomGenerator.of("L64X128MixRandom"));
        int[] sequence = PromptFormat.join(format.studentPrompt(task), format.response(task.solution(
                org.cpt4j.domain.SolutionStyle.ANSWER_ONLY)));
        for (int step = 0; step < 150; step++) {
            policy.train(SequenceBatch.nextToken(new int[][] {sequence}, Tokenizer.PAD));
        }
        HeldOutEvaluator evaluator = new HeldOutEvaluator(format, org.cpt4j.evaluation.EvaluationSpec.of(e -> e.maxNewTokens(8)));
        DomainScore score = evaluator.score(new TransformerSampler(model, policy.parameters()), CONSTANT,
                HeldOutEvaluator.heldOutTasks(CONSTANT, 4, 3), format::studentPrompt);
        assertEquals(new DomainScore("constant", "fixture", 4, 1.0, 1.0, 4.0), score);
    }

    /**
     * Pass@k draws each task's samples from streams of their own (seed, task, sample), so the first of k samples is
     * the one pass@1 draws: k samples solve at least the tasks one solves. Checked on a coin: every question is
     * {@code c}, the answer 1 or 2 at random, so a trained policy answers at random too (pass@1 near a half).
     */
    @Test
    void passAtKSolvesAtLeastTheTasksItsFirstSampleSolves() {
        Domain coin = new FixtureDomain("coin", "c12", random -> {
            String answer = random.nextBoolean() ? "1" : "2";
            return new Task("coin", "c", answer, "", answer);
        });
        PromptFormat format = new PromptFormat(Tokenizer.forDomains(List.of(coin)));
        ModelConfig model = ModelConfig.of(m -> m.layers(1).width(16).heads(2).context(16)
                .vocabulary(format.tokenizer().vocabularySize()));
        TransformerPolicy policy = TransformerPolicy.create(model, OptimizerConfig.of(o -> o.learningRate(1e-2)), 2);
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int step = 0; step < 100; step++) {
            int[][] batch = new int[16][];
            for (int i = 0; i < batch.length; i++) {
                Task task = coin.task(random);
                batch[i] = PromptFormat.join(format.studentPrompt(task), format.response(task.solution(
                        org.cpt4j.domain.SolutionStyle.ANSWER_ONLY)));
            }
            policy.train(SequenceBatch.nextToken(batch, Tokenizer.PAD));
        }
        Sampler sampler = new TransformerSampler(model, policy.parameters());
        double one = new HeldOutEvaluator(format, EvaluationSpec.of(e -> e.prompts(50).sampling(EvaluationSampling.passAtK(1, 1.0))))
                .score(sampler, coin).accuracy();
        double four = new HeldOutEvaluator(format, EvaluationSpec.of(e -> e.prompts(50).sampling(EvaluationSampling.passAtK(4, 1.0))))
                .score(sampler, coin).accuracy();
        assertTrue(four >= one, "pass@4 " + four + " < pass@1 " + one);
        assertTrue(one > 0.2 && one < 0.8 && four > 0.8, "a coin: pass@1 " + one + ", pass@4 " + four);
    }
}
