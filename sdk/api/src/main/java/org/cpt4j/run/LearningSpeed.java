package org.cpt4j.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How fast an arm learned its stage's domain: the steps it took to reach half and nine tenths of the stage's final
 * gain on that domain, read off its evaluations inside the stage. With evaluations at stage ends only, both are the
 * stage's length (when there was a gain); evaluate every N steps ({@code evaluation.everySteps}) to resolve them.
 *
 * @param stage the stage, 0-based
 * @param domain the stage's domain
 * @param finalGain accuracy after the stage minus before it, on the stage's domain
 * @param stepsToHalfGain the first evaluated step count of the stage with at least half the final gain; null when
 *     the stage gained nothing
 * @param stepsToNinetyPercentGain the same for nine tenths of the gain
 */
public record LearningSpeed(int stage, String domain, double finalGain, @Nullable Integer stepsToHalfGain,
                            @Nullable Integer stepsToNinetyPercentGain) {

    /**
     * @param matrix the arm's accuracy matrix (row {@code s} is before stage {@code s}, row {@code s + 1} after it)
     * @param stageDomains each stage's domain, in order (the stages the matrix has rows for)
     * @param evaluations the arm's evaluations of its final attempt
     * @return one entry per stage with a row after it: gain {@code g(n) = acc_d(n) − R[s][d]} at each evaluated
     *     step count {@code n}, and the first {@code n} with {@code g(n) ≥ x · G}, {@code G = R[s+1][d] − R[s][d]}
     */
    public static List<LearningSpeed> of(AccuracyMatrix matrix, List<String> stageDomains,
                                         List<EvaluationPoint> evaluations) {
        List<LearningSpeed> speeds = new ArrayList<>();
        for (int s = 0; s < stageDomains.size() && s + 1 < matrix.rows().size(); s++) {
            String domain = stageDomains.get(s);
            double before = matrix.at(s, domain);
            double gain = matrix.at(s + 1, domain) - before;
            int stage = s;
            List<EvaluationPoint> points = evaluations.stream()
                    .filter(p -> p.stage() == stage && p.kind() != EvaluationPoint.Kind.BASE)
                    .sorted(Comparator.comparingInt(EvaluationPoint::stageStep)).toList();
            speeds.add(new LearningSpeed(s, domain, gain, stepsTo(0.5, gain, before, domain, points),
                    stepsTo(0.9, gain, before, domain, points)));
        }
        return speeds;
    }

    private static @Nullable Integer stepsTo(double share, double gain, double before, String domain,
                                             List<EvaluationPoint> points) {
        if (gain <= 0) {
            return null;
        }
        for (EvaluationPoint point : points) {
            if (point.accuracy().get(domain) - before >= share * gain - 1e-12) {
                return point.stageStep();
            }
        }
        return null;
    }
}
