package org.cpt4j.plugins.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.testing.TeacherScheduleContract;
import org.junit.jupiter.api.Test;

class CurrentTeacherTest extends TeacherScheduleContract {

    @Override
    protected TeacherSchedule schedule() {
        return TeacherSchedules.current();
    }

    @Test
    void followsTheLivePolicy() {
        assertEquals(List.of("follow"), operations(schedule()));
        assertEquals("current", schedule().id());
    }
}
