package org.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.cpt4j.teacher.Teacher;
import org.cpt4j.teacher.TeacherSchedule;

/**
 * The laws every {@link TeacherSchedule} obeys, checked on a one-number model of the weights (the teacher
 * operations are linear, so one coordinate shows what they do to every coordinate):
 * <ul>
 *   <li>its id is stable and not blank;</li>
 *   <li>the same calls ask for the same teacher operations (determinism, so runs resume exactly);</li>
 *   <li>the teacher is always a mixture of the anchor and policies seen so far, never an extrapolation;</li>
 *   <li>while the policy has not moved from the anchor, the teacher is the anchor.</li>
 * </ul>
 * A schedule's test supplies fresh instances and adds its exact operations through {@link #operations}.
 */
public abstract class TeacherScheduleContract {

    /** @return a new schedule under test (schedules may keep state, so each call returns a fresh one) */
    protected abstract TeacherSchedule schedule();

    /**
     * Drives {@code schedule} through the standard script: start, three steps of stage 0 (the second skipped), the
     * start of stage 1, one more step.
     *
     * @return the teacher operations it asked for, e.g. {@code [copy, ema 0.05]}
     */
    public static List<String> operations(TeacherSchedule schedule) {
        ModelTeacher teacher = new ModelTeacher();
        schedule.start(teacher);
        schedule.afterStep(teacher, 0, true);
        schedule.afterStep(teacher, 1, false);
        schedule.afterStep(teacher, 2, true);
        schedule.stageStarted(teacher, 1);
        schedule.afterStep(teacher, 3, true);
        return teacher.operations;
    }

    @Property(tries = 1)
    void itsIdIsStableAndNotBlank() {
        TeacherSchedule schedule = schedule();
        assertFalse(schedule.id().isBlank(), "blank id");
        assertEquals(schedule.id(), schedule().id(), "two instances disagree on the id");
        operations(schedule);
        assertEquals(schedule().id(), schedule.id(), "the id changed while the schedule ran");
    }

    @Property(tries = 30)
    void theSameCallsAskForTheSameOperations(@ForAll long seed) {
        assertEquals(run(schedule(), seed, 1.0).operations, run(schedule(), seed, 1.0).operations);
    }

    @Property(tries = 50)
    void theTeacherIsAlwaysAMixtureOfTheAnchorAndPoliciesSeen(@ForAll long seed) {
        run(schedule(), seed, 1.0);
    }

    @Property(tries = 30)
    void whileThePolicyHasNotMovedTheTeacherIsTheAnchor(@ForAll long seed) {
        ModelTeacher teacher = run(schedule(), seed, 0.0);
        for (double value : teacher.history) {
            assertEquals(ModelTeacher.ANCHOR, value, 1e-12, "the teacher moved while the policy did not");
        }
    }

    /**
     * Runs a seeded script of up to 60 steps over up to 4 stages, a fifth of the steps skipped, the policy taking a
     * random step of size {@code stepSize} after each applied step; checks after every call that the teacher lies
     * within the range of the anchor and the policies seen so far.
     */
    private static ModelTeacher run(TeacherSchedule schedule, long seed, double stepSize) {
        SplittableRandom random = new SplittableRandom(seed);
        ModelTeacher teacher = new ModelTeacher();
        schedule.start(teacher);
        teacher.check("start");
        int steps = 1 + random.nextInt(60);
        int stage = 0;
        for (long step = 0; step < steps; step++) {
            if (stage < 3 && random.nextInt(10) == 0) {
                stage++;
                schedule.stageStarted(teacher, stage);
                teacher.check("the start of stage " + stage);
            }
            boolean updated = random.nextInt(5) != 0;
            if (updated) {
                teacher.movePolicy(stepSize * (2 * random.nextDouble() - 1));
            }
            schedule.afterStep(teacher, step, updated);
            teacher.check("step " + step + (updated ? "" : " (skipped)"));
        }
        return teacher;
    }

    /** One coordinate of the policy, anchor and teacher weights, with the same operations as the engine's. */
    private static final class ModelTeacher implements Teacher {
        static final double ANCHOR = 0.25;

        final List<String> operations = new ArrayList<>();
        final List<Double> history = new ArrayList<>();
        private double policy = ANCHOR;
        private double own = ANCHOR;
        private double lowest = ANCHOR;
        private double highest = ANCHOR;
        private Source source = Source.OWN;
        private double logitRate;

        private enum Source { OWN, POLICY, LOGIT_MIX }

        void movePolicy(double delta) {
            policy += delta;
            lowest = Math.min(lowest, policy);
            highest = Math.max(highest, policy);
        }

        double value() {
            return switch (source) {
                case OWN -> own;
                case POLICY -> policy;
                case LOGIT_MIX -> ANCHOR + logitRate * (policy - ANCHOR);
            };
        }

        void check(String when) {
            double value = value();
            history.add(value);
            double slack = 1e-12 * (1 + Math.abs(lowest) + Math.abs(highest));
            assertTrue(Double.isFinite(value) && value >= lowest - slack && value <= highest + slack,
                    String.format(Locale.ROOT, "after %s the teacher is %s, outside [%s, %s], the range of the anchor "
                            + "and the policies seen; operations %s", when, value, lowest, highest, operations));
        }

        @Override
        public void copyPolicy() {
            operations.add("copy");
            own = policy;
            source = Source.OWN;
        }

        @Override
        public void moveTowardPolicy(double rate) {
            operations.add("ema " + rate);
            own += rate * (policy - own);
            source = Source.OWN;
        }

        @Override
        public void blendWithAnchor(double anchorWeight) {
            operations.add("anchor " + anchorWeight);
            own = anchorWeight * ANCHOR + (1 - anchorWeight) * policy;
            source = Source.OWN;
        }

        @Override
        public void followPolicy() {
            operations.add("follow");
            source = Source.POLICY;
        }

        @Override
        public void mixLogits(double rate) {
            operations.add("logits " + rate);
            logitRate = rate;
            source = Source.LOGIT_MIX;
        }
    }
}
