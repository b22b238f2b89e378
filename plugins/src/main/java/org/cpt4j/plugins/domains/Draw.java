package org.cpt4j.plugins.domains;

import java.util.random.RandomGenerator;

/** Random draws the built-in domains share. */
final class Draw {

    static final String DIGITS = "0123456789";

    private Draw() {
    }

    /** @return a number with a digit count uniform in {@code [minDigits, maxDigits]}, uniform within that count */
    static long number(RandomGenerator random, int minDigits, int maxDigits) {
        int digits = random.nextInt(minDigits, maxDigits + 1);
        long low = digits == 1 ? 0 : pow10(digits - 1);
        return random.nextLong(low, pow10(digits));
    }

    /** @return {@code length} characters drawn uniformly from {@code letters} */
    static String letters(RandomGenerator random, String letters, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(letters.charAt(random.nextInt(letters.length())));
        }
        return out.toString();
    }

    /** @return {@code length} distinct characters of {@code letters} in random order */
    static String distinctLetters(RandomGenerator random, String letters, int length) {
        char[] pool = letters.toCharArray();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(i, pool.length);
            char swap = pool[i];
            pool[i] = pool[pick];
            pool[pick] = swap;
        }
        return new String(pool, 0, length);
    }

    static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** @return the distinct characters of the given texts, sorted */
    static String alphabet(String... texts) {
        return String.join("", texts).chars().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
