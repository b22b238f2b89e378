package org.cpt4j.internal.model;

/** The checks both {@link Decoder}s make of what they are asked to read, with the same messages. */
final class DecoderInputs {

    private DecoderInputs() {
    }

    /**
     * @return the sequences' one length, with their tokens laid out row after row
     * @throws IllegalArgumentException when the length is outside {@code [1, context]} or the rows differ in length
     */
    static int[] flatten(int[][] sequences, int context) {
        int length = sequences[0].length;
        if (length < 1 || length > context) {
            throw new IllegalArgumentException("prompt length must be within [1, " + context + "], was " + length);
        }
        int[] flat = new int[sequences.length * length];
        for (int b = 0; b < sequences.length; b++) {
            if (sequences[b].length != length) {
                throw new IllegalArgumentException("prompts of one prefill must have one length: row 0 has " + length
                        + " tokens, row " + b + " has " + sequences[b].length);
            }
            System.arraycopy(sequences[b], 0, flat, b * length, length);
        }
        return flat;
    }

    /** @throws IllegalArgumentException or IllegalStateException when one more token per row cannot be read */
    static void checkNext(int[] tokens, int rows, int position, int context) {
        if (tokens.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " tokens (one per row), got " + tokens.length);
        }
        if (position >= context) {
            throw new IllegalStateException("the cache is full: " + position + " tokens fill the context of " + context);
        }
    }
}
