package org.cpt4j.internal.report;

import java.util.List;

/**
 * A number over the seeds that have it: mean, lowest, highest and the sample standard deviation; the values that are
 * not finite are left out, and all four are {@code NaN} when none is left.
 *
 * @param count the finite values
 */
record SeedSummary(int count, double mean, double min, double max, double standardDeviation) {

    /** @return the summary of {@code values} */
    static SeedSummary of(List<Double> values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                sum += value;
                min = Math.min(min, value);
                max = Math.max(max, value);
                count++;
            }
        }
        if (count == 0) {
            return new SeedSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / count;
        double squares = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                squares += (value - mean) * (value - mean);
            }
        }
        return new SeedSummary(count, mean, min, max, count > 1 ? Math.sqrt(squares / (count - 1)) : 0);
    }
}
