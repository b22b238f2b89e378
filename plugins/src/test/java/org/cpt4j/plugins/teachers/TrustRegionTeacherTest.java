package org.cpt4j.plugins.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.testing.TeacherScheduleContract;
import org.junit.jupiter.api.Test;

class TrustRegionTeacherTest extends TeacherScheduleContract {

    @Override
    protected TeacherSchedule schedule() {
        return TeacherSchedules.trustRegion(0.1);
    }

    @Test
    void mixesTheAnchorAndPolicyLogits() {
        assertEquals(List.of("logits 0.1"), operations(schedule()));
        assertEquals("trustRegion", schedule().id());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.trustRegion(Double.NaN));
    }
}
