package org.cpt4j.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Per-domain scores of a policy as the student (question only) and as its own teacher (privileged context with
 * the worked solution before the question). The teacher's advantage, teacher minus student accuracy, is the
 * signal SDPO distils (DESIGN.md §4).
 *
 * @param student scores without privileged context, one per domain
 * @param teacher scores with privileged context, in the same domain order
 */
public record Evaluation(List<DomainScore> student, List<DomainScore> teacher) {

    public Evaluation {
        student = List.copyOf(student);
        teacher = List.copyOf(teacher);
        if (student.size() != teacher.size()) {
            throw new IllegalArgumentException("student and teacher scores must cover the same domains");
        }
    }

    /** @return teacher minus student accuracy on domain {@code index}, in accuracy points (0..100) */
    public double teacherAdvantagePoints(int index) {
        return 100 * (teacher.get(index).accuracy() - student.get(index).accuracy());
    }

    /** @return a fixed-width table, one row per domain */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %-11s %5s %9s %8s %7s %9s %9s%n",
                "domain", "family", "n", "accuracy", "format", "length", "teacher", "advantage"));
        for (int i = 0; i < student.size(); i++) {
            DomainScore s = student.get(i);
            out.append(String.format(Locale.ROOT, "%-10s %-11s %5d %8.1f%% %7.1f%% %7.1f %8.1f%% %+9.1f%n", s.domain(),
                    s.family(), s.prompts(), 100 * s.accuracy(), 100 * s.formatValid(), s.meanLength(),
                    100 * teacher.get(i).accuracy(), teacherAdvantagePoints(i)));
        }
        return out.toString();
    }
}
