package org.cpt4j.plugins.objectives;

/**
 * GRPO's outcome advantages: each response's reward minus its group's mean, divided by a standard deviation
 * plus {@code epsilon} ({@link ScaleRewards}). Standard deviations use Bessel's correction (as
 * {@code torch.std}); a group of one response has mean 0 and standard deviation 1 (verl
 * {@code compute_grpo_outcome_advantage}). Groups are consecutive runs of {@code groupSize} responses.
 * A group whose rewards are all equal gets exactly 0 (the floating-point mean of equal numbers can differ from
 * them by an ulp, which an epsilon-sized denominator would blow up to noise).
 */
public final class GroupAdvantages {

    private GroupAdvantages() {
    }

    /** @return one advantage per reward */
    public static double[] compute(double[] rewards, int groupSize, ScaleRewards scale, double epsilon) {
        if (groupSize < 1 || rewards.length % groupSize != 0) {
            throw new IllegalArgumentException(rewards.length + " rewards do not split into groups of " + groupSize);
        }
        double batchStd = standardDeviation(rewards, 0, rewards.length);
        boolean[] flat = zeroVarianceGroups(rewards, groupSize);
        double[] advantages = new double[rewards.length];
        for (int start = 0; start < rewards.length; start += groupSize) {
            if (groupSize > 1 && flat[start / groupSize]) {
                continue;
            }
            double mean = groupSize == 1 ? 0 : mean(rewards, start, start + groupSize);
            double std = groupSize == 1 ? 1 : standardDeviation(rewards, start, start + groupSize);
            for (int i = start; i < start + groupSize; i++) {
                double centred = rewards[i] - mean;
                advantages[i] = switch (scale) {
                    case GROUP -> centred / (std + epsilon);
                    case BATCH -> centred / (batchStd + epsilon);
                    case NONE -> centred;
                };
            }
        }
        return advantages;
    }

    /** @return for each group, whether all its rewards are equal (zero variance: no learning signal) */
    public static boolean[] zeroVarianceGroups(double[] rewards, int groupSize) {
        boolean[] flat = new boolean[rewards.length / groupSize];
        for (int g = 0; g < flat.length; g++) {
            flat[g] = true;
            for (int i = g * groupSize + 1; i < (g + 1) * groupSize; i++) {
                flat[g] &= rewards[i] == rewards[g * groupSize];
            }
        }
        return flat;
    }

    static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** @return the sample standard deviation (Bessel's correction); 0 for fewer than two values */
    static double standardDeviation(double[] values, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return 0;
        }
        double mean = mean(values, from, to);
        double squares = 0;
        for (int i = from; i < to; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }
}
