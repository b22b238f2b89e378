package org.cpt4j.plugins.teachers;

import org.cpt4j.teacher.Teacher;
import org.cpt4j.teacher.TeacherSchedule;

/**
 * The built-in teacher schedules, ready to use (specs name them through {@link Teachers}). The study's findings turn on them: a frozen or slowly updated teacher beats a
 * fast EMA one.
 */
public final class TeacherSchedules {

    private TeacherSchedules() {
    }

    /** @return {@code frozen}: the policy's weights when post-training started, for the whole run */
    public static TeacherSchedule frozen() {
        return () -> "frozen";
    }

    /** @return {@code current}: the live policy itself (no copy, no gradient) */
    public static TeacherSchedule current() {
        return new TeacherSchedule() {
            @Override
            public String id() {
                return "current";
            }

            @Override
            public void start(Teacher teacher) {
                teacher.followPolicy();
            }
        };
    }

    /** @return {@code ema}: {@code θ_T ← (1 − rate)·θ_T + rate·θ} after every applied step (official default 0.05) */
    public static TeacherSchedule ema(double rate) {
        requireRate(rate, "ema rate");
        return new TeacherSchedule() {
            @Override
            public String id() {
                return "ema";
            }

            @Override
            public void afterStep(Teacher teacher, long step, boolean updated) {
                if (updated) {
                    teacher.moveTowardPolicy(rate);
                }
            }
        };
    }

    /** @return {@code periodic}: a copy of the policy every {@code every} steps */
    public static TeacherSchedule periodic(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("the teacher refresh period must be at least 1 step, was " + every);
        }
        return new TeacherSchedule() {
            @Override
            public String id() {
                return "periodic";
            }

            @Override
            public void afterStep(Teacher teacher, long step, boolean updated) {
                if ((step + 1) % every == 0) {
                    teacher.copyPolicy();
                }
            }
        };
    }

    /** @return {@code stageStart}: a copy of the policy at the start of every stage, frozen within it */
    public static TeacherSchedule stageStart() {
        return new TeacherSchedule() {
            @Override
            public String id() {
                return "stageStart";
            }

            @Override
            public void stageStarted(Teacher teacher, int stage) {
                teacher.copyPolicy();
            }
        };
    }

    /**
     * @return {@code anchored}: {@code θ_T = γ·θ_A + (1 − γ)·θ} after every step, the anchor being the weights when
     *     post-training started (the study's "StableSDPO", γ = 0.4)
     */
    public static TeacherSchedule anchored(double anchorWeight) {
        requireRate(anchorWeight, "anchor weight");
        return new TeacherSchedule() {
            @Override
            public String id() {
                return "anchored";
            }

            @Override
            public void start(Teacher teacher) {
                teacher.blendWithAnchor(anchorWeight);
            }

            @Override
            public void afterStep(Teacher teacher, long step, boolean updated) {
                teacher.blendWithAnchor(anchorWeight);
            }
        };
    }

    /** @return {@code trustRegion}: teacher logits {@code lerp(z_A, z_θ, rate)} (the official code's trust region) */
    public static TeacherSchedule trustRegion(double rate) {
        requireRate(rate, "trust-region rate");
        return new TeacherSchedule() {
            @Override
            public String id() {
                return "trustRegion";
            }

            @Override
            public void start(Teacher teacher) {
                teacher.mixLogits(rate);
            }
        };
    }

    private static void requireRate(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the " + what + " must be within [0, 1], was " + value);
        }
    }
}
