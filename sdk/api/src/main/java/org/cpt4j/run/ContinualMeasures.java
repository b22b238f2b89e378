package org.cpt4j.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The continual-learning measures of one arm's {@link AccuracyMatrix}, under the names their users know. Stages
 * are the tasks: with {@code T} stages, {@code R[i][j]} is the accuracy on the domain of stage {@code j} after
 * stage {@code i} ({@code i, j = 1..T}), and {@code b_j} the accuracy on it before any post-training (the base
 * row). A measure that needs two stages is {@code NaN} for one.
 *
 * @param accuracy ACC (GEM, Lopez-Paz &amp; Ranzato 2017): {@code (1/T) Σ_j R[T][j]}
 * @param backwardTransfer BWT (GEM): {@code 1/(T−1) Σ_{j<T} (R[T][j] − R[j][j])}; negative is forgetting
 * @param forwardTransfer FWT (GEM): {@code 1/(T−1) Σ_{j=2..T} (R[j−1][j] − b_j)}: what earlier stages did for a
 *     domain before it was trained
 * @param forgetting Avalanche's stream forgetting: the mean over {@link #forgettingByDomain}
 * @param forgettingByDomain Avalanche's experience forgetting, per domain trained by a stage before the last and not
 *     trained by the last: the accuracy just after the domain's latest stage minus the final accuracy (negative
 *     values kept)
 * @param maximumForgetting Chaudhry et al. 2018 (RWalk): {@code 1/(T−1) Σ_{j<T} (max_{l=1..T−1} R[l][j] − R[T][j])},
 *     the best accuracy any earlier stage reached minus the final one
 * @param maximumForgettingByDomain Chaudhry's term per domain, for the domains of {@link #forgettingByDomain}:
 *     {@code max_{l=1..T−1} R[l][d] − R[T][d]}, the best accuracy any stage before the last reached on it minus
 *     the final one
 * @param plasticity the mean gain on the domain being trained: {@code (1/T) Σ_j (R[j][j] − R[j−1][j])}, with
 *     {@code R[0] = b}
 * @param heldOutChange per evaluated domain no stage trains: final accuracy minus the base's (transfer to, or
 *     forgetting of, domains outside the curriculum)
 */
public record ContinualMeasures(double accuracy, double backwardTransfer, double forwardTransfer, double forgetting,
                                Map<String, Double> forgettingByDomain, double maximumForgetting,
                                Map<String, Double> maximumForgettingByDomain, double plasticity,
                                Map<String, Double> heldOutChange) {

    public ContinualMeasures {
        forgettingByDomain = Collections.unmodifiableMap(new LinkedHashMap<>(forgettingByDomain));
        maximumForgettingByDomain = Collections.unmodifiableMap(new LinkedHashMap<>(maximumForgettingByDomain));
        heldOutChange = Collections.unmodifiableMap(new LinkedHashMap<>(heldOutChange));
    }

    /**
     * @param matrix an arm's accuracy: the base row, then a row after each stage
     * @param stages the domain of each stage, in order (a domain may come back)
     * @return the measures of {@code matrix}
     * @throws IllegalArgumentException when the matrix does not have a row per stage after the base, or does not
     *     evaluate a stage's domain
     */
    public static ContinualMeasures of(AccuracyMatrix matrix, List<String> stages) {
        int stageCount = stages.size();
        if (stageCount < 1 || matrix.rows().size() != stageCount + 1) {
            throw new IllegalArgumentException("an accuracy matrix of " + matrix.rows().size() + " rows does not "
                    + "fit " + stageCount + " stage(s): it needs the base row and one row per stage");
        }
        // r(i, j): row i (0 = base), the domain of stage j (1-based)
        double[][] r = new double[stageCount + 1][stageCount + 1];
        for (int i = 0; i <= stageCount; i++) {
            for (int j = 1; j <= stageCount; j++) {
                r[i][j] = matrix.at(i, stages.get(j - 1));
            }
        }
        int t = stageCount;
        double accuracy = 0;
        double plasticity = 0;
        for (int j = 1; j <= t; j++) {
            accuracy += r[t][j] / t;
            plasticity += (r[j][j] - r[j - 1][j]) / t;
        }
        double backward = Double.NaN;
        double forward = Double.NaN;
        double maximum = Double.NaN;
        if (t > 1) {
            backward = 0;
            forward = 0;
            maximum = 0;
            for (int j = 1; j < t; j++) {
                backward += (r[t][j] - r[j][j]) / (t - 1);
                double best = Double.NEGATIVE_INFINITY;
                for (int l = 1; l < t; l++) {
                    best = Math.max(best, r[l][j]);
                }
                maximum += (best - r[t][j]) / (t - 1);
            }
            for (int j = 2; j <= t; j++) {
                forward += (r[j - 1][j] - r[0][j]) / (t - 1);
            }
        }
        Map<String, Double> byDomain = new LinkedHashMap<>();
        String last = stages.get(t - 1);
        for (int j = 1; j < t; j++) {
            String domain = stages.get(j - 1);
            if (!domain.equals(last)) {
                byDomain.remove(domain); // a domain trained again counts from its latest stage
                byDomain.put(domain, r[j][j] - r[t][j]);
            }
        }
        Map<String, Double> maximumByDomain = new LinkedHashMap<>();
        for (String domain : byDomain.keySet()) {
            double best = Double.NEGATIVE_INFINITY;
            for (int l = 1; l < t; l++) {
                best = Math.max(best, matrix.at(l, domain));
            }
            maximumByDomain.put(domain, best - matrix.at(t, domain));
        }
        double forgetting = byDomain.isEmpty() ? Double.NaN
                : byDomain.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Map<String, Double> heldOut = new LinkedHashMap<>();
        for (String domain : matrix.domains()) {
            if (!stages.contains(domain)) {
                heldOut.put(domain, matrix.at(t, domain) - matrix.at(0, domain));
            }
        }
        return new ContinualMeasures(accuracy, backward, forward, forgetting, byDomain, maximum, maximumByDomain,
                plasticity, heldOut);
    }

    /** @return the measures in accuracy points (percent; changes signed), {@code n/a} where undefined */
    public String format() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "ACC %s  BWT %s  FWT %s  forgetting %s (max %s)  plasticity %s",
                Double.isNaN(accuracy) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * accuracy),
                points(backwardTransfer), points(forwardTransfer), points(forgetting),
                points(maximumForgetting), points(plasticity)));
        if (!forgettingByDomain.isEmpty()) {
            lines.add("forgetting by domain: " + pointsOf(forgettingByDomain));
        }
        if (!heldOutChange.isEmpty()) {
            lines.add("held-out change: " + pointsOf(heldOutChange));
        }
        return String.join("\n", lines);
    }

    private static String pointsOf(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((domain, value) -> parts.add(domain + " " + points(value)));
        return String.join(", ", parts);
    }

    private static String points(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%+.1f", 100 * fraction);
    }
}
