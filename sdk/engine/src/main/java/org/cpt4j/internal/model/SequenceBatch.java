package org.cpt4j.internal.model;

import java.util.Arrays;

/**
 * Token sequences to score or train on, all rows of one length {@code L}: {@code inputs[b][t]} is read at
 * position {@code t}, {@code targets[b][t]} is the token whose log-probability is taken there, and
 * {@code mask[b][t]} weighs that position in the loss (0 drops it).
 */
public record SequenceBatch(int[][] inputs, int[][] targets, float[][] mask) {

    public SequenceBatch {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one sequence");
        }
        int length = inputs[0].length;
        if (length == 0) {
            throw new IllegalArgumentException("sequences must hold at least one token");
        }
        if (targets.length != inputs.length || mask.length != inputs.length) {
            throw new IllegalArgumentException("inputs, targets and mask must have the same number of rows ("
                    + inputs.length + ", " + targets.length + ", " + mask.length + ")");
        }
        for (int b = 0; b < inputs.length; b++) {
            if (inputs[b].length != length || targets[b].length != length || mask[b].length != length) {
                throw new IllegalArgumentException("row " + b + " is not of length " + length);
            }
        }
    }

    /**
     * Next-token prediction over whole sequences: position {@code t} reads token {@code t} and predicts
     * token {@code t+1}. Sequences may differ in length; shorter ones are padded with token {@code pad} and
     * masked out.
     */
    public static SequenceBatch nextToken(int[][] sequences, int pad) {
        int longest = Arrays.stream(sequences).mapToInt(s -> s.length).max().orElse(0);
        if (longest < 2) {
            throw new IllegalArgumentException("next-token prediction needs a sequence of at least 2 tokens");
        }
        int length = longest - 1;
        int[][] inputs = new int[sequences.length][length];
        int[][] targets = new int[sequences.length][length];
        float[][] mask = new float[sequences.length][length];
        for (int b = 0; b < sequences.length; b++) {
            Arrays.fill(inputs[b], pad);
            Arrays.fill(targets[b], pad);
            for (int t = 0; t + 1 < sequences[b].length; t++) {
                inputs[b][t] = sequences[b][t];
                targets[b][t] = sequences[b][t + 1];
                mask[b][t] = 1f;
            }
        }
        return new SequenceBatch(inputs, targets, mask);
    }

    public int size() {
        return inputs.length;
    }

    public int length() {
        return inputs[0].length;
    }

    /** @return number of positions with a non-zero mask */
    public long maskedTokens() {
        long count = 0;
        for (float[] row : mask) {
            for (float m : row) {
                if (m != 0f) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SequenceBatch that && Arrays.deepEquals(inputs, that.inputs)
                && Arrays.deepEquals(targets, that.targets) && Arrays.deepEquals(mask, that.mask);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {inputs, targets, mask});
    }

    @Override
    public String toString() {
        return "SequenceBatch[" + size() + " x " + length() + ", " + maskedTokens() + " masked-in tokens]";
    }
}
