package org.cpt4j.objective;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an objective reads besides the student's logits, for {@code B} sequences of {@code L} positions: the
 * token scored at each position ({@code targets}), which positions count ({@code mask}, 1 on response tokens),
 * and named inputs per token ({@code [B][L]}, e.g. old log-probabilities, advantages), per token and vocabulary
 * entry ({@code [B][L][V]}, e.g. teacher log-probabilities) and per sequence ({@code [B]}).
 *
 * <p>Built with {@link #of}; arrays are copied in, so a batch is immutable.
 */
public final class ObjectiveBatch {

    private final int[][] targets;
    private final double[][] mask;
    private final Map<String, double[][]> perToken;
    private final Map<String, double[][][]> perTokenDistribution;

    private ObjectiveBatch(int[][] targets, double[][] mask, Map<String, double[][]> perToken,
                           Map<String, double[][][]> perTokenDistribution) {
        this.targets = targets;
        this.mask = mask;
        this.perToken = perToken;
        this.perTokenDistribution = perTokenDistribution;
    }

    /** @return a builder of a batch of the given targets and mask ({@code [B][L]} each) */
    public static Builder builder(int[][] targets, double[][] mask) {
        return new Builder(targets, deepCopy(mask));
    }

    /** @return a batch of the given targets and mask ({@code [B][L]} each) and the inputs {@code configure} adds */
    public static ObjectiveBatch of(int[][] targets, double[][] mask, Consumer<Builder> configure) {
        Builder builder = new Builder(targets, deepCopy(mask));
        configure.accept(builder);
        return new ObjectiveBatch(deepCopy(targets), builder.mask, Map.copyOf(builder.perToken),
                Map.copyOf(builder.perTokenDistribution));
    }

    public int rows() {
        return targets.length;
    }

    public int length() {
        return targets[0].length;
    }

    /** @return the token scored at position {@code t} of row {@code b} */
    public int target(int b, int t) {
        return targets[b][t];
    }

    /** @return the weight of position {@code t} of row {@code b} (1 on response tokens, 0 elsewhere) */
    public double mask(int b, int t) {
        return mask[b][t];
    }

    /** @return a copy of the mask, {@code [B][L]} */
    public double[][] mask() {
        return deepCopy(mask);
    }

    /** @return a copy of the targets, {@code [B][L]} */
    public int[][] targets() {
        return deepCopy(targets);
    }

    /** @return a copy of the named per-token input, {@code [B][L]} */
    public double[][] perToken(String name) {
        double[][] values = perToken.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no per-token input '" + name + "'; the batch has " + perToken.keySet());
        }
        return deepCopy(values);
    }

    /** @return a copy of the named per-token distribution input, {@code [B][L][V]} */
    public double[][][] perTokenDistribution(String name) {
        double[][][] values = perTokenDistribution.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no per-token distribution '" + name + "'; the batch has "
                    + perTokenDistribution.keySet());
        }
        double[][][] copy = new double[values.length][][];
        for (int b = 0; b < values.length; b++) {
            copy[b] = deepCopy(values[b]);
        }
        return copy;
    }

    /** @return names of the per-token inputs */
    public java.util.Set<String> perTokenNames() {
        return perToken.keySet();
    }

    /** @return names of the per-token distribution inputs */
    public java.util.Set<String> perTokenDistributionNames() {
        return perTokenDistribution.keySet();
    }

    /**
     * @return this batch extended to {@code length} positions: padded positions have target 0, mask 0, per-token
     *     inputs 0 and per-token distributions equal to the row's last real position (valid distributions, so
     *     that no objective meets a log of 0 where the mask multiplies by 0)
     */
    public ObjectiveBatch padTo(int length) {
        int current = length();
        if (length == current) {
            return this;
        }
        if (length < current) {
            throw new IllegalArgumentException("cannot pad a batch of length " + current + " to " + length);
        }
        Map<String, double[][]> paddedTokens = new LinkedHashMap<>();
        perToken.forEach((name, values) -> paddedTokens.put(name, padRows(values, length)));
        Map<String, double[][][]> paddedDistributions = new LinkedHashMap<>();
        perTokenDistribution.forEach((name, values) -> {
            double[][][] padded = new double[values.length][length][];
            for (int b = 0; b < values.length; b++) {
                for (int t = 0; t < length; t++) {
                    padded[b][t] = values[b][Math.min(t, current - 1)].clone();
                }
            }
            paddedDistributions.put(name, padded);
        });
        int[][] paddedTargets = Arrays.stream(targets).map(row -> Arrays.copyOf(row, length)).toArray(int[][]::new);
        return new ObjectiveBatch(paddedTargets, padRows(mask, length), Map.copyOf(paddedTokens),
                Map.copyOf(paddedDistributions));
    }

    private static double[][] padRows(double[][] values, int length) {
        return Arrays.stream(values).map(row -> Arrays.copyOf(row, length)).toArray(double[][]::new);
    }

    private static double[][] deepCopy(double[][] values) {
        return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    private static int[][] deepCopy(int[][] values) {
        return Arrays.stream(values).map(int[]::clone).toArray(int[][]::new);
    }

    /** Adds named inputs; every array must have the batch's shape. */
    public static final class Builder {
        private final int rows;
        private final int length;
        private final double[][] mask;
        private final Map<String, double[][]> perToken = new LinkedHashMap<>();
        private final Map<String, double[][][]> perTokenDistribution = new LinkedHashMap<>();

        private final int[][] targets;

        private Builder(int[][] targets, double[][] mask) {
            this.targets = targets;
            if (targets.length == 0 || targets[0].length == 0) {
                throw new IllegalArgumentException("a batch needs at least one row of at least one position");
            }
            this.rows = targets.length;
            this.length = targets[0].length;
            this.mask = mask;
            requireShape("targets", targets.length, Arrays.stream(targets).mapToInt(r -> r.length).toArray());
            requireShape("mask", mask.length, Arrays.stream(mask).mapToInt(r -> r.length).toArray());
        }

        /** Leaves out rows: their mask becomes 0 (e.g. groups with no learning signal). */
        public Builder dropRows(boolean[] drop) {
            if (drop.length != rows) {
                throw new IllegalArgumentException("expected " + rows + " row flags, got " + drop.length);
            }
            for (int b = 0; b < rows; b++) {
                if (drop[b]) {
                    Arrays.fill(mask[b], 0);
                }
            }
            return this;
        }

        /** Adds a per-token input {@code [B][L]}. */
        public Builder perToken(String name, double[][] values) {
            requireShape(name, values.length, Arrays.stream(values).mapToInt(r -> r.length).toArray());
            perToken.put(name, deepCopy(values));
            return this;
        }

        /** Adds a per-token distribution input {@code [B][L][V]} (all rows of one vocabulary size). */
        public Builder perTokenDistribution(String name, double[][][] values) {
            requireShape(name, values.length, Arrays.stream(values).mapToInt(r -> r.length).toArray());
            double[][][] copy = new double[values.length][][];
            for (int b = 0; b < values.length; b++) {
                copy[b] = deepCopy(values[b]);
            }
            perTokenDistribution.put(name, copy);
            return this;
        }

        /** @return the batch */
        public ObjectiveBatch build() {
            return new ObjectiveBatch(deepCopy(targets), deepCopy(mask), Map.copyOf(perToken), Map.copyOf(perTokenDistribution));
        }

        private void requireShape(String name, int actualRows, int[] rowLengths) {
            if (actualRows != rows || Arrays.stream(rowLengths).anyMatch(l -> l != length)) {
                throw new IllegalArgumentException("'" + name + "' must be [" + rows + "][" + length + "], was ["
                        + actualRows + "][" + Arrays.toString(rowLengths) + "]");
            }
        }
    }
}
