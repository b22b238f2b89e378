package org.cpt4j.plugins.domains;

import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;

/**
 * {@code 347+285} → {@code 632}, operands of {@code minDigits..maxDigits} digits each.
 *
 * <p>Long reasoning adds column by column from the right, carry included:
 * {@code 7+5=12;4+8+1=13;3+2+1=6;}. Short reasoning gives the carry into each column from the right:
 * {@code c011;}.
 */
final class AdditionDomain implements Domain {

    private final String id;
    private final int minDigits;
    private final int maxDigits;

    AdditionDomain(String id, int minDigits, int maxDigits) {
        if (minDigits < 1 || maxDigits < minDigits || maxDigits > 17) {
            throw new IllegalArgumentException("digits must satisfy 1 <= min <= max <= 17, were " + minDigits
                    + ".." + maxDigits);
        }
        this.id = id;
        this.minDigits = minDigits;
        this.maxDigits = maxDigits;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String family() {
        return Domains.ARITHMETIC;
    }

    @Override
    public String alphabet() {
        return Draw.alphabet(Draw.DIGITS, "+=;c");
    }

    @Override
    public Task task(RandomGenerator random) {
        return taskFor(Draw.number(random, minDigits, maxDigits), Draw.number(random, minDigits, maxDigits));
    }

    /** @return the task {@code left+right} */
    Task taskFor(long left, long right) {
        StringBuilder carries = new StringBuilder("c");
        StringBuilder columns = new StringBuilder();
        int carry = 0;
        for (long l = left, r = right; l > 0 || r > 0 || columns.isEmpty(); l /= 10, r /= 10) {
            int sum = (int) (l % 10 + r % 10) + carry;
            carries.append(carry);
            columns.append(l % 10).append('+').append(r % 10);
            if (carry > 0) {
                columns.append('+').append(carry);
            }
            columns.append('=').append(sum).append(';');
            carry = sum / 10;
        }
        return new Task(id, left + "+" + right, Long.toString(left + right), carries.append(';').toString(),
                columns.toString());
    }
}
