package org.cpt4j.plugins.domains;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;

/**
 * The string family: a word of {@code minLength..maxLength} letters from {@link #LETTERS}, transformed by one
 * {@link Operation}, e.g. {@code rev:abcd} → {@code dcba}. Short reasoning gives the length, {@code n4;}; long
 * reasoning names each letter of the answer with its position in the word ({@link Operation}).
 */
final class StringDomain implements Domain {

    /** The letters words are made of. */
    static final String LETTERS = "abcdefgh";

    /** What a string domain does to the word. */
    enum Operation {
        /** {@code rev:abcd} → {@code dcba}; long reasoning {@code 4d3c2b1a;}. */
        REVERSE("reverse", "rev"),
        /**
         * {@code sort:dbca} → {@code abcd}, the letters of a word distinct; long reasoning names each letter in
         * order with its position in the word, {@code a4b2c3d1;}.
         */
        SORT("sort", "sort"),
        /** {@code copy:abcd} → {@code abcd}; long reasoning {@code 1a2b3c4d;}. */
        COPY("copy", "copy");

        final String id;
        final String keyword;

        Operation(String id, String keyword) {
            this.id = id;
            this.keyword = keyword;
        }
    }

    private final Operation operation;
    private final int minLength;
    private final int maxLength;

    StringDomain(Operation operation, int minLength, int maxLength) {
        if (minLength < 1 || maxLength < minLength || maxLength > LETTERS.length()) {
            throw new IllegalArgumentException("word lengths must satisfy 1 <= min <= max <= " + LETTERS.length()
                    + ", were " + minLength + ".." + maxLength);
        }
        this.operation = operation;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    @Override
    public String id() {
        return operation.id;
    }

    @Override
    public String family() {
        return Domains.STRINGS;
    }

    @Override
    public String alphabet() {
        return Draw.alphabet(LETTERS, Draw.DIGITS, operation.keyword, ":;n");
    }

    @Override
    public Task task(RandomGenerator random) {
        int length = random.nextInt(minLength, maxLength + 1);
        return taskFor(operation == Operation.SORT ? Draw.distinctLetters(random, LETTERS, length)
                : Draw.letters(random, LETTERS, length));
    }

    /** @return the task for {@code word} */
    Task taskFor(String word) {
        String hint = "n" + word.length() + ";";
        StringBuilder steps = new StringBuilder();
        String answer;
        switch (operation) {
            case REVERSE -> {
                answer = new StringBuilder(word).reverse().toString();
                for (int i = word.length(); i >= 1; i--) {
                    steps.append(i).append(word.charAt(i - 1));
                }
            }
            case COPY -> {
                answer = word;
                for (int i = 1; i <= word.length(); i++) {
                    steps.append(i).append(word.charAt(i - 1));
                }
            }
            case SORT -> {
                char[] letters = word.toCharArray();
                Arrays.sort(letters);
                answer = new String(letters);
                answer.chars().forEach(c -> steps.append((char) c).append(word.indexOf(c) + 1));
            }
            default -> throw new IllegalStateException("unknown operation " + operation);
        }
        return new Task(id(), operation.keyword + ":" + word, answer, hint, steps.append(';').toString());
    }
}
