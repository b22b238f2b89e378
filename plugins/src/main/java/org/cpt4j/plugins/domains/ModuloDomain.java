package org.cpt4j.plugins.domains;

import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;

/**
 * {@code 347%7} → {@code 4}: a number of {@code minDigits..maxDigits} digits modulo a divisor in 2..9.
 *
 * <p>Long reasoning carries the running remainder digit by digit: {@code 3%7=3;34%7=6;67%7=4;}. Short
 * reasoning states the division: {@code 347=49*7+4;}.
 */
final class ModuloDomain implements Domain {

    private final int minDigits;
    private final int maxDigits;

    ModuloDomain(int minDigits, int maxDigits) {
        this.minDigits = minDigits;
        this.maxDigits = maxDigits;
    }

    @Override
    public String id() {
        return "mod";
    }

    @Override
    public String family() {
        return Domains.ARITHMETIC;
    }

    @Override
    public String alphabet() {
        return Draw.alphabet(Draw.DIGITS, "%=;*+");
    }

    @Override
    public Task task(RandomGenerator random) {
        return taskFor(Draw.number(random, minDigits, maxDigits), random.nextInt(2, 10));
    }

    /** @return the task {@code number%divisor} */
    Task taskFor(long number, int divisor) {
        StringBuilder steps = new StringBuilder();
        long remainder = 0;
        for (char digit : Long.toString(number).toCharArray()) {
            long value = remainder * 10 + (digit - '0');
            remainder = value % divisor;
            steps.append(value).append('%').append(divisor).append('=').append(remainder).append(';');
        }
        String hint = number + "=" + number / divisor + "*" + divisor + "+" + remainder + ";";
        return new Task(id(), number + "%" + divisor, Long.toString(remainder), hint, steps.toString());
    }
}
