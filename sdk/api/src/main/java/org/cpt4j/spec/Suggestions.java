package org.cpt4j.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The known name a misspelt one most likely meant, for messages such as {@code unknown field 'groupsize'; did you
 * mean 'groupSize'?}.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * @return the name of {@code known} that {@code given} most likely meant: one equal to it but for case, else the
     *     nearest by edit distance when that distance is at most a third of the longer name (at least 2); empty when
     *     no known name is that close
     */
    public static Optional<String> closest(String given, Collection<String> known) {
        Optional<String> sameButCase = known.stream().filter(name -> name.equalsIgnoreCase(given)).findFirst();
        if (sameButCase.isPresent()) {
            return sameButCase;
        }
        return known.stream()
                .filter(name -> editDistance(given, name) <= Math.max(2, Math.max(given.length(), name.length()) / 3))
                .min(Comparator.comparingInt((String name) -> editDistance(given, name)));
    }

    /** @return {@code "; did you mean 'x'?"} for the closest known name, or an empty string */
    public static String didYouMean(String given, Collection<String> known) {
        return closest(given, known).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    /** @return the Levenshtein distance of {@code a} and {@code b}: insertions, deletions and substitutions */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
