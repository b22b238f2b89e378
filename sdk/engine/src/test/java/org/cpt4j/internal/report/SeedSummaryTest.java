package org.cpt4j.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SeedSummaryTest {

    @Property(tries = 200)
    void theMeanLiesBetweenTheLowestAndTheHighestAndTheSpreadIsNeverNegative(
            @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = -1e3, max = 1e3) Double> values) {
        SeedSummary summary = SeedSummary.of(values);
        assertEquals(values.size(), summary.count());
        assertTrue(summary.min() <= summary.mean() + 1e-9 && summary.mean() <= summary.max() + 1e-9, summary.toString());
        assertTrue(summary.standardDeviation() >= 0, summary.toString());
        assertEquals(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), summary.min());
    }

    @Property(tries = 100)
    void equalSeedsHaveNoSpread(@ForAll @DoubleRange(min = -10, max = 10) double value,
                                @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 8) int seeds) {
        SeedSummary summary = SeedSummary.of(java.util.Collections.nCopies(seeds, value));
        assertEquals(value, summary.mean(), 1e-9);
        assertEquals(0, summary.standardDeviation(), 1e-9);
    }

    @Property(tries = 100)
    void valuesThatAreNotFiniteAreLeftOut(@ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = 0, max = 1) Double> values) {
        List<Double> withGaps = new ArrayList<>(values);
        withGaps.add(Double.NaN);
        withGaps.add(0, Double.POSITIVE_INFINITY);
        assertEquals(SeedSummary.of(values), SeedSummary.of(withGaps));
    }

    @Test
    void theSampleStandardDeviationByHandAndNoneOfNothing() {
        SeedSummary summary = SeedSummary.of(List.of(0.5, 0.4));
        assertEquals(0.45, summary.mean(), 1e-12);
        assertEquals(Math.sqrt(2 * 0.05 * 0.05), summary.standardDeviation(), 1e-12);
        assertTrue(Double.isNaN(SeedSummary.of(List.of(Double.NaN)).mean()));
        assertEquals(0, SeedSummary.of(List.of()).count());
    }
}
