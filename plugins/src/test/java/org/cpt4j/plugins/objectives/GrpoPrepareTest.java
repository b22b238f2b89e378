package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;
import org.junit.jupiter.api.Test;

/** What GRPO adds to a step's batch: each response's group advantage at every position, and the filtered groups. */
class GrpoPrepareTest {

    private static final Task TASK = new Task("add", "3+4", "7", "c0;", "3+4=7;");

    /** Two groups of two: rewards 1, 0 (advantages ±1/√2 with Bessel's correction) and 0.5, 0.5 (flat). */
    private static Rollouts rollouts(double[][] mask) {
        double[] rewards = {1, 0, 0.5, 0.5};
        List<Rollouts.Rollout> all = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            all.add(new Rollouts.Rollout(i / 2, TASK, "r" + i, new Verdict(false, true, "wrong:7"), rewards[i], 3));
        }
        return new Rollouts(all, 2, mask, List.of(), null, 1, java.util.Map.of());
    }

    private static double[][] fullMask() {
        double[][] mask = new double[4][5];
        for (double[] row : mask) {
            java.util.Arrays.fill(row, 1, 4, 1);
        }
        return mask;
    }

    @Test
    void everyPositionOfAResponseCarriesItsGroupAdvantage() {
        double[][] mask = fullMask();
        ObjectiveBatch.Builder builder = ObjectiveBatch.builder(new int[4][5], mask);
        new GrpoObjective(GrpoConfig.of(g -> g.advantageEpsilon(0))).prepare(rollouts(mask), builder);
        ObjectiveBatch batch = builder.build();
        double a = 0.5 / Math.sqrt(0.5); // (1 − 0.5) / std, std = √((0.25 + 0.25) / 1)
        assertArrayEquals(new double[] {a, a, a, a, a}, batch.perToken(StandardInputs.ADVANTAGES)[0], 1e-12);
        assertArrayEquals(new double[] {-a, -a, -a, -a, -a}, batch.perToken(StandardInputs.ADVANTAGES)[1], 1e-12);
        assertArrayEquals(new double[5], batch.perToken(StandardInputs.ADVANTAGES)[2], 1e-15, "a flat group: 0");
        for (int t = 0; t < 5; t++) {
            assertEquals(t >= 1 && t <= 3 ? 1 : 0, batch.mask(2, t), 1e-15, "without filtering the flat group's "
                    + "response tokens stay in the loss (at advantage 0), position " + t);
        }
    }

    @Test
    void zeroVarianceFilteringMasksTheFlatGroupsRows() {
        double[][] mask = fullMask();
        ObjectiveBatch.Builder builder = ObjectiveBatch.builder(new int[4][5], mask);
        new GrpoObjective(GrpoConfig.of(g -> g.filterZeroVariance(true))).prepare(rollouts(mask), builder);
        ObjectiveBatch batch = builder.build();
        for (int b = 0; b < 4; b++) {
            double kept = 0;
            for (int t = 0; t < 5; t++) {
                kept += batch.mask(b, t);
            }
            assertEquals(b < 2 ? 3 : 0, kept, 1e-12, "row " + b);
        }
    }
}
