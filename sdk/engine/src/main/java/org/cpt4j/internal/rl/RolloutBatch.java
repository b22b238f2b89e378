package org.cpt4j.internal.rl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.text.Tokenizer;

/**
 * One step's sampled responses, judged and laid out as a training batch: row {@code i} is prompt + response
 * {@code i} as next-token prediction ({@code inputs[i][t]} predicts {@code targets[i][t]}), padded to the longest,
 * with {@code mask} 1 exactly where the target is a response token and {@code old} the sampler's log-probability
 * of that token.
 *
 * @param tasks the step's tasks, one per group
 * @param prompts each task's student prompt
 * @param generations the responses, {@code groupSize} per task in task order
 * @param rollouts each response's verdict, reward and reward components
 * @param rewardWeights each reward component's weight by name, in order
 * @param inputs input tokens {@code [B][L]}
 * @param targets target tokens {@code [B][L]}
 * @param mask response-token mask {@code [B][L]}
 * @param old the sampling policy's log-probability of each target {@code [B][L]} (0 where masked)
 * @param entropySum the sampler's entropy summed over response tokens
 */
record RolloutBatch(List<Task> tasks, List<int[]> prompts, List<Generation> generations, List<Rollouts.Rollout> rollouts,
                    Map<String, Double> rewardWeights, int[][] inputs, int[][] targets, double[][] mask, double[][] old,
                    double entropySum) {

    /** @return the batch of {@code generations}, judged by {@code domain} and scored by {@code reward} */
    static RolloutBatch assemble(List<Task> tasks, List<int[]> prompts, List<Generation> generations, Domain domain,
                                 WeightedReward reward, PromptFormat format) {
        int rows = generations.size();
        List<Rollouts.Rollout> rollouts = new ArrayList<>(rows);
        int[][] sequences = new int[rows][];
        int longest = 0;
        for (int i = 0; i < rows; i++) {
            Generation generation = generations.get(i);
            Task task = tasks.get(generation.prompt());
            String text = format.responseText(generation.tokens());
            Verdict verdict = domain.verify(task, text);
            WeightedReward.Score score = reward.score(task, text, verdict, generation.length());
            rollouts.add(new Rollouts.Rollout(generation.prompt(), task, text, verdict, score.total(), generation.length(),
                    score.components()));
            sequences[i] = PromptFormat.join(prompts.get(generation.prompt()), generation.tokens());
            longest = Math.max(longest, sequences[i].length);
        }
        int length = longest - 1;
        int[][] inputs = new int[rows][length];
        int[][] targets = new int[rows][length];
        double[][] mask = new double[rows][length];
        double[][] old = new double[rows][length];
        double entropySum = 0;
        for (int i = 0; i < rows; i++) {
            int start = responseStart(prompts, generations.get(i));
            for (int t = 0; t < length; t++) {
                inputs[i][t] = t < sequences[i].length ? sequences[i][t] : Tokenizer.PAD;
                targets[i][t] = t + 1 < sequences[i].length ? sequences[i][t + 1] : Tokenizer.PAD;
                if (t >= start && t + 1 < sequences[i].length) {
                    mask[i][t] = 1;
                    old[i][t] = generations.get(i).logProbs()[t - start];
                    entropySum += generations.get(i).entropies()[t - start];
                }
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        reward.components().forEach(component -> weights.put(component.name(), component.weight()));
        return new RolloutBatch(List.copyOf(tasks), List.copyOf(prompts), List.copyOf(generations), rollouts, weights,
                inputs, targets, mask, old, entropySum);
    }

    /** @return the position (input index) that predicts a generation's first response token */
    static int responseStart(List<int[]> prompts, Generation generation) {
        return prompts.get(generation.prompt()).length - 1;
    }

    int rows() {
        return generations.size();
    }

    int length() {
        return targets[0].length;
    }

    /** @return the number of response tokens (the mask's sum) */
    double responseTokens() {
        double sum = 0;
        for (double[] row : mask) {
            for (double value : row) {
                sum += value;
            }
        }
        return sum;
    }
}
