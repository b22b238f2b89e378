package org.cpt4j.plugins.domains;

import java.util.List;
import org.cpt4j.domain.Domain;
import org.cpt4j.plugins.domains.StringDomain.Operation;

/** The built-in domains, by family. */
public final class Domains {

    /** Family of {@code add}, {@code add-long} and {@code mod}. */
    public static final String ARITHMETIC = "arithmetic";
    /** Family of {@code reverse}, {@code sort} and {@code copy}. */
    public static final String STRINGS = "strings";
    /** Family of {@code count} and {@code compare}. */
    public static final String LOGIC = "logic";

    private Domains() {
    }

    /** @return {@code add}: sums of two numbers of 1 to 2 digits */
    public static Domain add() {
        return new AdditionDomain("add", 1, 2);
    }

    /** @return {@code add-long}: sums of two numbers of 3 to 4 digits, longer than {@code add} trains on */
    public static Domain addLong() {
        return new AdditionDomain("add-long", 3, 4);
    }

    /** @return {@code mod}: a number of 2 to 3 digits modulo a divisor in 2..9 */
    public static Domain mod() {
        return new ModuloDomain(2, 3);
    }

    /** @return {@code reverse}: a word of 4 to 8 letters, reversed */
    public static Domain reverse() {
        return new StringDomain(Operation.REVERSE, 4, 8);
    }

    /** @return {@code sort}: the letters of a word of 4 to 8 distinct letters in alphabetical order */
    public static Domain sort() {
        return new StringDomain(Operation.SORT, 4, 8);
    }

    /** @return {@code copy}: a word of 4 to 8 letters, repeated */
    public static Domain copy() {
        return new StringDomain(Operation.COPY, 4, 8);
    }

    /** @return {@code count}: occurrences of a letter in a word of 4 to 8 letters */
    public static Domain count() {
        return new CountDomain(4, 8);
    }

    /** @return {@code compare}: {@code <}, {@code =} or {@code >} between two numbers of 2 to 4 digits */
    public static Domain compare() {
        return new CompareDomain(2, 4);
    }

    /** @return every built-in domain, arithmetic first */
    public static List<Domain> builtIns() {
        return List.of(add(), addLong(), mod(), reverse(), sort(), copy(), count(), compare());
    }
}
