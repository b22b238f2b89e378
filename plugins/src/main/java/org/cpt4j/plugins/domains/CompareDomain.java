package org.cpt4j.plugins.domains;

import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;

/**
 * {@code cmp:347:285} → {@code >}: compares two numbers of the same digit count ({@code minDigits..maxDigits});
 * one task in ten compares a number with itself.
 *
 * <p>Long reasoning compares digit by digit from the left until two differ: {@code 3=3;4<8;}. Short reasoning
 * gives the 1-based position of the first differing digit ({@code d2;}, {@code d0;} when equal).
 */
final class CompareDomain implements Domain {

    private final int minDigits;
    private final int maxDigits;

    CompareDomain(int minDigits, int maxDigits) {
        this.minDigits = minDigits;
        this.maxDigits = maxDigits;
    }

    @Override
    public String id() {
        return "compare";
    }

    @Override
    public String family() {
        return Domains.LOGIC;
    }

    @Override
    public String alphabet() {
        return Draw.alphabet(Draw.DIGITS, "cmp:;<=>d");
    }

    @Override
    public Task task(RandomGenerator random) {
        int digits = random.nextInt(Math.max(minDigits, 1), maxDigits + 1);
        String left = Long.toString(Draw.number(random, digits, digits));
        String right = random.nextInt(10) == 0 ? left : Long.toString(Draw.number(random, digits, digits));
        return taskFor(left, right);
    }

    /** @return the task comparing two numbers of one digit count */
    Task taskFor(String left, String right) {
        int digits = left.length();
        StringBuilder steps = new StringBuilder();
        char relation = '=';
        int position = 0;
        for (int i = 0; i < digits && relation == '='; i++) {
            relation = relation(left.charAt(i), right.charAt(i));
            steps.append(left.charAt(i)).append(relation).append(right.charAt(i)).append(';');
            position = relation == '=' ? 0 : i + 1;
        }
        return new Task(id(), "cmp:" + left + ":" + right, Character.toString(relation), "d" + position + ";",
                steps.toString());
    }

    private static char relation(char left, char right) {
        return left < right ? '<' : left > right ? '>' : '=';
    }
}
