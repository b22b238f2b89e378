package org.cpt4j.internal.bench;

import java.util.Arrays;

/**
 * Repeats an action after a warm-up and reports the median time: the median ignores the JIT's and the
 * garbage collector's occasional outliers that a mean would smear over every sample.
 */
final class Timer {

    private final int warmup;
    private final double minimumSeconds;
    private final int minimumRepeats;

    Timer(int warmup, double minimumSeconds, int minimumRepeats) {
        this.warmup = warmup;
        this.minimumSeconds = minimumSeconds;
        this.minimumRepeats = minimumRepeats;
    }

    double medianSeconds(Runnable action) {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        double[] samples = new double[1024];
        int count = 0;
        double total = 0;
        while ((count < minimumRepeats || total < minimumSeconds) && count < samples.length) {
            long start = System.nanoTime();
            action.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            samples[count++] = seconds;
            total += seconds;
        }
        return median(Arrays.copyOf(samples, count));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)));
        return sorted[index];
    }
}
