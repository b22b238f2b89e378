package org.cpt4j.plugins.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.testing.TeacherScheduleContract;
import org.junit.jupiter.api.Test;

class AnchoredTeacherTest extends TeacherScheduleContract {

    @Override
    protected TeacherSchedule schedule() {
        return TeacherSchedules.anchored(0.4);
    }

    @Test
    void blendsWithTheAnchorAtTheStartAndAfterEveryStep() {
        assertEquals(List.of("anchor 0.4", "anchor 0.4", "anchor 0.4", "anchor 0.4", "anchor 0.4"), operations(schedule()));
        assertEquals("anchored", schedule().id());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.anchored(-0.1));
    }
}
