package org.cpt4j.plugins.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.testing.TeacherScheduleContract;
import org.junit.jupiter.api.Test;

class EmaTeacherTest extends TeacherScheduleContract {

    @Override
    protected TeacherSchedule schedule() {
        return TeacherSchedules.ema(0.05);
    }

    @Test
    void movesTowardThePolicyAfterEveryAppliedStepOnly() {
        assertEquals(List.of("copy", "ema 0.05", "ema 0.05", "ema 0.05"), operations(schedule()));
        assertEquals("ema", schedule().id());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.ema(1.5));
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.ema(Double.NaN));
    }
}
