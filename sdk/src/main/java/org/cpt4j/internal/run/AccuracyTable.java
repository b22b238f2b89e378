package org.cpt4j.internal.run;

import java.util.List;
import java.util.Locale;

/**
 * One arm's accuracy on every evaluated domain before post-training and after each stage: row 0 is the base,
 * row {@code i + 1} is after stage {@code i}.
 *
 * @param arm the arm's name
 * @param domains the evaluated domains (columns)
 * @param rows the row labels, {@code base} then {@code after <domain>}
 * @param accuracy {@code [row][column]}, fractions
 */
public record AccuracyTable(String arm, List<String> domains, List<String> rows, double[][] accuracy) {

    /** @return the table as fixed-width text, accuracies in percent */
    public String format() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s", "arm " + arm));
        domains.forEach(domain -> out.append(String.format(Locale.ROOT, " %9s", domain)));
        out.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            out.append(String.format(Locale.ROOT, "%-16s", rows.get(r)));
            for (double value : accuracy[r]) {
                out.append(String.format(Locale.ROOT, " %8.1f%%", 100 * value));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
