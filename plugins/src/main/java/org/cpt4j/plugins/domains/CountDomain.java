package org.cpt4j.plugins.domains;

import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;

/**
 * {@code count:b:abbcb} → {@code 3}: how often a letter occurs in a word of {@code minLength..maxLength}
 * letters from {@code abcde}.
 *
 * <p>Long reasoning keeps the running count after each letter: {@code a0b1b2c2b3;}. Short reasoning lists the
 * 1-based positions of the matches: {@code i235;}.
 */
final class CountDomain implements Domain {

    private static final String LETTERS = "abcde";

    private final int minLength;
    private final int maxLength;

    CountDomain(int minLength, int maxLength) {
        if (minLength < 1 || maxLength < minLength || maxLength > 9) {
            throw new IllegalArgumentException("word lengths must satisfy 1 <= min <= max <= 9, were " + minLength
                    + ".." + maxLength);
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    @Override
    public String id() {
        return "count";
    }

    @Override
    public String family() {
        return Domains.LOGIC;
    }

    @Override
    public String alphabet() {
        return Draw.alphabet(LETTERS, Draw.DIGITS, "count:;i");
    }

    @Override
    public Task task(RandomGenerator random) {
        String word = Draw.letters(random, LETTERS, random.nextInt(minLength, maxLength + 1));
        return taskFor(LETTERS.charAt(random.nextInt(LETTERS.length())), word);
    }

    /** @return the task counting {@code letter} in {@code word} */
    Task taskFor(char letter, String word) {
        StringBuilder positions = new StringBuilder("i");
        StringBuilder running = new StringBuilder();
        int count = 0;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) == letter) {
                count++;
                positions.append(i + 1);
            }
            running.append(word.charAt(i)).append(count);
        }
        return new Task(id(), "count:" + letter + ":" + word, Integer.toString(count), positions.append(';').toString(),
                running.append(';').toString());
    }
}
