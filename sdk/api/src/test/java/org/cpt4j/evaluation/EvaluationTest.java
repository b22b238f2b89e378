package org.cpt4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final Evaluation EVALUATION = new Evaluation(
            List.of(new DomainScore("add", "arithmetic", 100, 0.2, 1.0, 5.0),
                    new DomainScore("count", "logic", 100, 0.47, 0.99, 4.0)),
            List.of(new DomainScore("add", "arithmetic", 100, 1.0, 1.0, 5.0),
                    new DomainScore("count", "logic", 100, 0.4, 1.0, 4.0)));

    @Test
    void theTeacherAdvantageIsTeacherMinusStudentInPoints() {
        assertEquals(80.0, EVALUATION.teacherAdvantagePoints(0), 1e-9);
        assertEquals(-7.0, EVALUATION.teacherAdvantagePoints(1), 1e-9);
    }

    @Test
    void theTableHasARowPerDomain() {
        String[] lines = EVALUATION.table().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].matches("add\\s+arithmetic\\s+100\\s+20\\.0%\\s+100\\.0%\\s+5\\.0\\s+100\\.0%\\s+\\+80\\.0"),
                lines[1]);
        assertTrue(lines[2].endsWith("-7.0"), lines[2]);
    }

    @Test
    void studentAndTeacherMustCoverTheSameDomains() {
        assertThrows(IllegalArgumentException.class, () -> new Evaluation(EVALUATION.student(), List.of()));
    }
}
