package org.cpt4j.testing;

import java.util.SplittableRandom;
import org.cpt4j.objective.LogSoftmax;

/**
 * Random inputs for objective tests, drawn from a seeded stream: logits, response masks, sampled targets,
 * log-probabilities near the policy's, and reward groups. Sizes stay small so that finite-difference checks
 * are fast.
 */
public final class ObjectiveInputs {

    private ObjectiveInputs() {
    }

    /** @return logits {@code [B][L][V]}, uniform in ±{@code scale} */
    public static double[][][] logits(SplittableRandom random, int rows, int length, int vocabulary, double scale) {
        double[][][] logits = new double[rows][length][vocabulary];
        for (double[][] row : logits) {
            for (double[] position : row) {
                for (int v = 0; v < vocabulary; v++) {
                    position[v] = scale * (2 * random.nextDouble() - 1);
                }
            }
        }
        return logits;
    }

    /**
     * @return a response mask {@code [B][L]}: each row is 0 up to a random response start, then 1 up to a random
     *     end, then 0 (padding); now and then a row is all 0
     */
    public static double[][] responseMask(SplittableRandom random, int rows, int length) {
        double[][] mask = new double[rows][length];
        for (double[] row : mask) {
            if (random.nextInt(6) == 0) {
                continue;
            }
            int start = random.nextInt(length);
            int end = random.nextInt(start, length) + 1;
            for (int t = start; t < end; t++) {
                row[t] = 1;
            }
        }
        return mask;
    }

    /** @return target tokens {@code [B][L]}, uniform over the vocabulary */
    public static int[][] targets(SplittableRandom random, int rows, int length, int vocabulary) {
        int[][] targets = new int[rows][length];
        for (int[] row : targets) {
            for (int t = 0; t < length; t++) {
                row[t] = random.nextInt(vocabulary);
            }
        }
        return targets;
    }

    /** @return log-softmax of each position's logits, {@code [B][L][V]} */
    public static double[][][] logProbs(double[][][] logits) {
        double[][][] out = new double[logits.length][][];
        for (int b = 0; b < logits.length; b++) {
            out[b] = new double[logits[b].length][];
            for (int t = 0; t < logits[b].length; t++) {
                out[b][t] = LogSoftmax.of(logits[b][t]);
            }
        }
        return out;
    }

    /**
     * @return the log-probability of each target under {@code logits}, shifted by noise uniform in
     *     ±{@code spread} (old or reference log-probabilities of a nearby policy)
     */
    public static double[][] nearbyTokenLogProbs(SplittableRandom random, double[][][] logits, int[][] targets,
                                                 double spread) {
        double[][][] logProbs = logProbs(logits);
        double[][] out = new double[targets.length][targets[0].length];
        for (int b = 0; b < targets.length; b++) {
            for (int t = 0; t < targets[b].length; t++) {
                out[b][t] = logProbs[b][t][targets[b][t]] + spread * (2 * random.nextDouble() - 1);
            }
        }
        return out;
    }

    /** @return rewards for {@code groups} groups of {@code groupSize}: 0/1 outcomes, or now and then real values */
    public static double[] rewards(SplittableRandom random, int groups, int groupSize) {
        double[] rewards = new double[groups * groupSize];
        boolean binary = random.nextBoolean();
        for (int i = 0; i < rewards.length; i++) {
            rewards[i] = binary ? random.nextInt(2) : 2 * random.nextDouble() - 1;
        }
        return rewards;
    }

    /** @return each row's value repeated over its {@code length} positions, {@code [B][L]} */
    public static double[][] perSequence(double[] values, int length) {
        double[][] out = new double[values.length][length];
        for (int b = 0; b < values.length; b++) {
            java.util.Arrays.fill(out[b], values[b]);
        }
        return out;
    }
}
