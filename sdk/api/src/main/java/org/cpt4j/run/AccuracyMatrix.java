package org.cpt4j.run;

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
public record AccuracyMatrix(String arm, List<String> domains, List<String> rows, double[][] accuracy) {

    public AccuracyMatrix {
        domains = List.copyOf(domains);
        rows = List.copyOf(rows);
        accuracy = accuracy.clone();
    }

    /** @return the accuracy on {@code domain} at row {@code row} (0 the base, {@code i + 1} after stage i) */
    public double at(int row, String domain) {
        int column = domains.indexOf(domain);
        if (column < 0) {
            throw new IllegalArgumentException("'" + domain + "' is not evaluated; the domains are " + domains);
        }
        return accuracy[row][column];
    }

    /** @return the table as CSV: a header {@code row,<domain>...}, then a line per row, fractions to 4 places */
    public String csv() {
        StringBuilder csv = new StringBuilder("row");
        domains.forEach(domain -> csv.append(',').append(domain));
        csv.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            csv.append(rows.get(r));
            for (double value : accuracy[r]) {
                csv.append(',').append(String.format(Locale.ROOT, "%.4f", value));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

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
