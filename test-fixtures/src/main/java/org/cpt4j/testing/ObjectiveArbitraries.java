package org.cpt4j.testing;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik arbitraries for objective and metric properties, built on {@link ObjectiveInputs} from a seed jqwik
 * draws (and shrinks) — use them in {@code @Provide} methods:
 *
 * <pre>{@code
 * @Provide Arbitrary<double[][][]> logits() { return ObjectiveArbitraries.logits(2, 4, 6); }
 * }</pre>
 */
public final class ObjectiveArbitraries {

    private ObjectiveArbitraries() {
    }

    /** @return logits {@code [rows][length][vocabulary]}, uniform in ±3 */
    public static Arbitrary<double[][][]> logits(int rows, int length, int vocabulary) {
        return Arbitraries.longs().map(seed -> ObjectiveInputs.logits(new SplittableRandom(seed), rows, length, vocabulary, 3.0));
    }

    /** @return response masks {@code [rows][length]}: a run of ones per row, now and then an empty row */
    public static Arbitrary<double[][]> responseMasks(int rows, int length) {
        return Arbitraries.longs().map(seed -> ObjectiveInputs.responseMask(new SplittableRandom(seed), rows, length));
    }

    /** @return rewards of {@code groups} groups of {@code groupSize}: binary outcomes or reals in [−1, 1] */
    public static Arbitrary<double[]> rewardGroups(int groups, int groupSize) {
        return Arbitraries.longs().map(seed -> ObjectiveInputs.rewards(new SplittableRandom(seed), groups, groupSize));
    }

    /** @return one log-distribution over {@code vocabulary} tokens */
    public static Arbitrary<double[]> logDistributions(int vocabulary) {
        return logits(1, 1, vocabulary).map(logits -> ObjectiveInputs.logProbs(logits)[0][0]);
    }
}
