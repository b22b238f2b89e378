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

    /**
     * GDPO's advantages (TRL {@code multi_objective_aggregation="normalize_then_sum"}, grpo_trainer.py 2710-2720):
     * each component {@code k} is normalised in its group, {@code z_ik = (r_ik − mean_g r_k) / (std_g r_k + ε)}; the
     * normalised scores are summed with their weights, {@code R_i = Σ_k w_k·z_ik}, leaving out those that are NaN (an
     * unscorable score, or a component with fewer than two scorable scores in a group of several); and the sums are
     * normalised over the batch, {@code A_i = (R_i − mean R) / (std R + ε)}. A response no component scored gets 0.
     * A group of one normalises each component to 0 (TRL: its standard deviation is taken as 0); equal scores to
     * exactly 0.
     *
     * @param scores each response's unweighted component scores {@code [B][K]}, NaN where unscorable
     * @param weights each component's weight {@code [K]}
     * @param groups the group id of each response
     * @return one advantage per response
     */
    public static double[] normalizeThenSum(double[][] scores, double[] weights, int[] groups, double epsilon) {
        if (groups.length != scores.length) {
            throw new IllegalArgumentException(scores.length + " responses but " + groups.length + " group ids");
        }
        double[] sums = new double[scores.length];
        boolean[] scored = new boolean[scores.length];
        for (List<Integer> members : members(groups).values()) {
            for (int k = 0; k < weights.length; k++) {
                int component = k;
                double[] values = members.stream().mapToDouble(i -> scores[i][component])
                        .filter(r -> !Double.isNaN(r)).toArray();
                boolean single = members.size() == 1;
                boolean flat = values.length > 0 && allEqual(values);
                double mean = values.length == 0 ? Double.NaN : mean(values);
                double std = single ? 0 : values.length < 2 ? Double.NaN : standardDeviation(values);
                for (int i : members) {
                    if (Double.isNaN(scores[i][k])) {
                        continue;
                    }
                    scored[i] = true;
                    double normalised = single || flat ? 0 : (scores[i][k] - mean) / (std + epsilon);
                    sums[i] += Double.isNaN(normalised) ? 0 : weights[k] * normalised;
                }
            }
        }
        double[] rewards = new double[scores.length];
        for (int i = 0; i < rewards.length; i++) {
            rewards[i] = scored[i] ? sums[i] : Double.NaN;
        }
        double[] everyone = scorable(rewards, allRows(rewards.length));
        double[] advantages = new double[rewards.length];
        if (everyone.length < 2 || allEqual(everyone)) {
            return advantages;
        }
        double mean = mean(everyone);
        double std = standardDeviation(everyone);
        for (int i = 0; i < rewards.length; i++) {
            advantages[i] = scored[i] ? (rewards[i] - mean) / (std + epsilon) : 0;
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
