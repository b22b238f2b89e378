package org.cpt4j.plugins.objectives;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GRPO's outcome advantages: each response's reward minus its group's mean, divided by a standard deviation
 * plus {@code epsilon} ({@link ScaleRewards}). Groups are given by an id per response, in any order and of any
 * sizes (verl's {@code index}, the prompt's uid). Standard deviations use Bessel's correction (as
 * {@code torch.std}).
 *
 * <p>Edge cases, each as upstream:
 * <ul>
 *   <li>a reward of {@link Double#NaN} is unscorable (TRL's reward function returning {@code None}): it is left out
 *       of its group's mean and standard deviation and of the batch's, and its advantage is 0 (TRL
 *       {@code nanmean}, {@code nanstd}, then {@code nan_to_num(nan=0)});</li>
 *   <li>a group of several responses with fewer than two scorable ones gives all of them 0 (TRL: the standard
 *       deviation of one value is NaN);</li>
 *   <li>a group of one response has mean 0 and standard deviation 1 (verl {@code compute_grpo_outcome_advantage});</li>
 *   <li>a group whose scorable rewards are all equal gets exactly 0: the floating-point mean of equal numbers can
 *       differ from them by an ulp, which an epsilon-sized denominator would blow up to noise.</li>
 * </ul>
 */
public final class GroupAdvantages {

    private GroupAdvantages() {
    }

    /** @return one advantage per reward, for groups of {@code groupSize} consecutive responses */
    public static double[] compute(double[] rewards, int groupSize, ScaleRewards scale, double epsilon) {
        return compute(rewards, consecutiveGroups(rewards.length, groupSize), scale, epsilon);
    }

    /**
     * @param rewards one per response; {@link Double#NaN} for an unscorable one
     * @param groups the group id of each response
     * @return one advantage per reward
     */
    public static double[] compute(double[] rewards, int[] groups, ScaleRewards scale, double epsilon) {
        if (groups.length != rewards.length) {
            throw new IllegalArgumentException(rewards.length + " rewards but " + groups.length + " group ids");
        }
        double batchStd = standardDeviation(scorable(rewards, allRows(rewards.length)));
        double[] advantages = new double[rewards.length];
        for (List<Integer> members : members(groups).values()) {
            double[] values = scorable(rewards, members);
            boolean single = members.size() == 1;
            if (values.length == 0 || !single && (values.length < 2 || allEqual(values))) {
                continue;
            }
            double mean = single ? 0 : mean(values);
            double std = single ? 1 : standardDeviation(values);
            for (int i : members) {
                if (Double.isNaN(rewards[i])) {
                    continue;
                }
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

    /** @return the group ids of {@code rows} responses in groups of {@code groupSize} consecutive ones */
    public static int[] consecutiveGroups(int rows, int groupSize) {
        if (groupSize < 1 || rows % groupSize != 0) {
            throw new IllegalArgumentException(rows + " rewards do not split into groups of " + groupSize);
        }
        int[] groups = new int[rows];
        for (int i = 0; i < rows; i++) {
            groups[i] = i / groupSize;
        }
        return groups;
    }

    /**
     * @return for each response, whether its group carries no learning signal: its scorable rewards are all equal, or
     *     fewer than two of several (what DAPO's dynamic sampling filters out)
     */
    public static boolean[] inZeroVarianceGroup(double[] rewards, int[] groups) {
        boolean[] flat = new boolean[rewards.length];
        for (List<Integer> members : members(groups).values()) {
            double[] values = scorable(rewards, members);
            boolean zero = members.size() > 1 && (values.length < 2 || allEqual(values));
            for (int i : members) {
                flat[i] = zero;
            }
        }
        return flat;
    }

    private static Map<Integer, List<Integer>> members(int[] groups) {
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        return members;
    }

    private static List<Integer> allRows(int rows) {
        List<Integer> all = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            all.add(i);
        }
        return all;
    }

    private static double[] scorable(double[] rewards, List<Integer> rows) {
        return rows.stream().mapToDouble(i -> rewards[i]).filter(r -> !Double.isNaN(r)).toArray();
    }

    private static boolean allEqual(double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** @return the sample standard deviation (Bessel's correction); 0 for fewer than two values */
    static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
