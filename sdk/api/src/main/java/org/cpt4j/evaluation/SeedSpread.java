package org.cpt4j.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Evaluations of one pretraining recipe under several seeds, domain by domain: how much of a base model's skill
 * and of its teacher's advantage is the recipe's, and how much is one seed's (or one CPU's) luck. Every statistic
 * is in accuracy points (0..100); the spread is the sample standard deviation (0 for one seed).
 *
 * @param seeds the pretraining seeds, in the order of {@code evaluations}
 * @param evaluations one evaluation per seed, over the same domains in the same order
 */
public record SeedSpread(List<Long> seeds, List<Evaluation> evaluations) {

    public SeedSpread {
        seeds = List.copyOf(seeds);
        evaluations = List.copyOf(evaluations);
        if (seeds.isEmpty() || seeds.size() != evaluations.size()) {
            throw new IllegalArgumentException("one evaluation per seed, at least one: " + seeds.size() + " seeds, "
                    + evaluations.size() + " evaluations");
        }
        List<String> domains = domains(evaluations.get(0));
        for (Evaluation evaluation : evaluations) {
            if (!domains(evaluation).equals(domains)) {
                throw new IllegalArgumentException("every evaluation must cover " + domains + ", one covers "
                        + domains(evaluation));
            }
        }
    }

    private static List<String> domains(Evaluation evaluation) {
        return evaluation.student().stream().map(DomainScore::domain).toList();
    }

    /** One statistic of one domain over the seeds. */
    public record Statistic(double mean, double spread, double min, double max, List<Double> perSeed) {

        /** @return the statistic of {@code values}, at least one */
        public static Statistic of(double[] values) {
            double mean = Arrays.stream(values).average().orElseThrow();
            double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            double spread = values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1));
            return new Statistic(mean, spread, Arrays.stream(values).min().orElseThrow(),
                    Arrays.stream(values).max().orElseThrow(), Arrays.stream(values).boxed().toList());
        }
    }

    /** A domain's student accuracy, teacher accuracy and teacher advantage over the seeds, in points. */
    public record Row(String domain, String family, Statistic student, Statistic teacher, Statistic advantage) {
    }

    /** @return one row per domain, in the evaluations' order */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Evaluation first = evaluations.get(0);
        for (int d = 0; d < first.student().size(); d++) {
            int domain = d;
            double[] student = evaluations.stream().mapToDouble(e -> 100 * e.student().get(domain).accuracy()).toArray();
            double[] teacher = evaluations.stream().mapToDouble(e -> 100 * e.teacher().get(domain).accuracy()).toArray();
            double[] advantage = evaluations.stream().mapToDouble(e -> e.teacherAdvantagePoints(domain)).toArray();
            rows.add(new Row(first.student().get(d).domain(), first.student().get(d).family(), Statistic.of(student),
                    Statistic.of(teacher), Statistic.of(advantage)));
        }
        return rows;
    }

    /**
     * @return a fixed-width table: per domain the student's and the teacher's accuracy and the advantage, each as
     *     mean ± spread and the per-seed values in seed order
     */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %-11s  %-26s %-26s %s%n", "domain",
                "family", "student %", "teacher %", "advantage (points)"));
        String seedOrder = seeds.stream().map(String::valueOf).collect(Collectors.joining("|"));
        out.append(String.format(Locale.ROOT, "%-10s %-11s  %-26s %-26s %s%n", "", "",
                "mean ± sd   seeds " + seedOrder, "mean ± sd   seeds " + seedOrder, "mean ± sd   min"));
        for (Row row : rows()) {
            out.append(String.format(Locale.ROOT, "%-10s %-11s  %-26s %-26s %+6.1f ± %4.1f  %+4.0f%n", row.domain(),
                    row.family(), cell(row.student()), cell(row.teacher()), row.advantage().mean(),
                    row.advantage().spread(), row.advantage().min()));
        }
        return out.toString();
    }

    private static String cell(Statistic statistic) {
        return String.format(Locale.ROOT, "%5.1f ± %4.1f  %s", statistic.mean(), statistic.spread(),
                statistic.perSeed().stream().map(v -> String.format(Locale.ROOT, "%.0f", v))
                        .collect(Collectors.joining("|")));
    }
}
