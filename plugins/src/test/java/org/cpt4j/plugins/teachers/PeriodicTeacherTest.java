package org.cpt4j.plugins.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.testing.TeacherScheduleContract;
import org.junit.jupiter.api.Test;

class PeriodicTeacherTest extends TeacherScheduleContract {

    @Override
    protected TeacherSchedule schedule() {
        return TeacherSchedules.periodic(2);
    }

    @Test
    void copiesThePolicyEveryPeriodCountingSkippedSteps() {
        assertEquals(List.of("copy", "copy", "copy"), operations(schedule()));
        assertEquals("periodic", schedule().id());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.periodic(0));
    }
}
