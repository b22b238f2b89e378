package org.cpt4j.plugins.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.testing.TeacherScheduleContract;
import org.junit.jupiter.api.Test;

class StageStartTeacherTest extends TeacherScheduleContract {

    @Override
    protected TeacherSchedule schedule() {
        return TeacherSchedules.stageStart();
    }

    @Test
    void copiesThePolicyAtTheStartOfEveryStage() {
        assertEquals(List.of("copy", "copy"), operations(schedule()));
        assertEquals("stageStart", schedule().id());
    }
}
