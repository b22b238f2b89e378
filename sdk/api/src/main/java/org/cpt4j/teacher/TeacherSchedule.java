package org.cpt4j.teacher;

/**
 * How SDPO's teacher follows the policy: a plugin with a stable id. The trainer calls {@link #start} before
 * the first step, {@link #stageStarted} when a new domain of the curriculum begins, and {@link #afterStep}
 * after every optimizer step.
 */
public interface TeacherSchedule {

    /** @return stable id, e.g. {@code ema} */
    String id();

    /** Before the first step; by default the teacher starts as a copy of the policy. */
    default void start(Teacher teacher) {
        teacher.copyPolicy();
    }

    /** When stage {@code stage} (0-based) begins; by default nothing changes. */
    default void stageStarted(Teacher teacher, int stage) {
    }

    /**
     * After optimizer step {@code step} (0-based over the whole run); {@code updated} is false when the step was
     * skipped (non-finite gradient). By default nothing changes.
     */
    default void afterStep(Teacher teacher, long step, boolean updated) {
    }
}
