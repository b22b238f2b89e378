package org.cpt4j.plugins.teachers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.cpt4j.teacher.Teacher;
import org.cpt4j.teacher.TeacherSchedule;
import org.junit.jupiter.api.Test;

class TeacherSchedulesTest {

    /** Records what a schedule asks of the teacher. */
    private static final class Recorder implements Teacher {
        final List<String> calls = new ArrayList<>();

        @Override
        public void copyPolicy() {
            calls.add("copy");
        }

        @Override
        public void moveTowardPolicy(double rate) {
            calls.add("ema " + rate);
        }

        @Override
        public void blendWithAnchor(double anchorWeight) {
            calls.add("anchor " + anchorWeight);
        }

        @Override
        public void followPolicy() {
            calls.add("follow");
        }

        @Override
        public void mixLogits(double rate) {
            calls.add("logits " + rate);
        }
    }

    /** Start, three steps (the second skipped), a new stage, one more step. */
    private static List<String> drive(TeacherSchedule schedule) {
        Recorder teacher = new Recorder();
        schedule.start(teacher);
        schedule.afterStep(teacher, 0, true);
        schedule.afterStep(teacher, 1, false);
        schedule.afterStep(teacher, 2, true);
        schedule.stageStarted(teacher, 1);
        schedule.afterStep(teacher, 3, true);
        return teacher.calls;
    }

    @Test
    void eachScheduleAsksForItsUpdates() {
        assertEquals(List.of("copy"), drive(TeacherSchedules.frozen()));
        assertEquals(List.of("follow"), drive(TeacherSchedules.current()));
        assertEquals(List.of("copy", "ema 0.05", "ema 0.05", "ema 0.05"), drive(TeacherSchedules.ema(0.05)),
                "no EMA update after a skipped step");
        assertEquals(List.of("copy", "copy", "copy"), drive(TeacherSchedules.periodic(2)), "after steps 1 and 3");
        assertEquals(List.of("copy", "copy"), drive(TeacherSchedules.stageStart()));
        assertEquals(List.of("anchor 0.4", "anchor 0.4", "anchor 0.4", "anchor 0.4", "anchor 0.4"),
                drive(TeacherSchedules.anchored(0.4)));
        assertEquals(List.of("logits 0.1"), drive(TeacherSchedules.trustRegion(0.1)));
    }

    @Test
    void idsAreStable() {
        assertEquals(List.of("frozen", "current", "ema", "periodic", "stageStart", "anchored", "trustRegion"),
                List.of(TeacherSchedules.frozen().id(), TeacherSchedules.current().id(), TeacherSchedules.ema(0.1).id(), TeacherSchedules.periodic(1).id(),
                        TeacherSchedules.stageStart().id(), TeacherSchedules.anchored(0.5).id(), TeacherSchedules.trustRegion(0.5).id()));
    }

    @Test
    void ratesOutsideTheUnitIntervalAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.ema(1.5));
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.anchored(-0.1));
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.trustRegion(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TeacherSchedules.periodic(0));
    }
}
