package org.cpt4j.plugins.teachers;

import java.util.List;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.NoParameters;
import org.cpt4j.spec.Problems;
import org.cpt4j.teacher.TeacherSchedule;

/**
 * The built-in teacher schedules, each declared once, and their specs for the DSL:
 * {@code .teacher(Teachers.ema(0.05))}.
 */
public final class Teachers {

    /** A rate within [0, 1] (EMA, trust region). */
    public record Rate(double rate) {
        public Rate {
            new Problems("teacher").require(rate >= 0 && rate <= 1, "rate", "must be within [0, 1], was " + rate)
                    .throwIfAny("teacher parameters");
        }
    }

    /** A period in steps. */
    public record Every(int every) {
        public Every {
            new Problems("teacher").require(every >= 1, "every", "must be at least 1 step, was " + every)
                    .throwIfAny("teacher parameters");
        }
    }

    /** The anchor's weight within [0, 1]. */
    public record AnchorWeight(double anchorWeight) {
        public AnchorWeight {
            new Problems("teacher").require(anchorWeight >= 0 && anchorWeight <= 1, "anchorWeight",
                    "must be within [0, 1], was " + anchorWeight).throwIfAny("teacher parameters");
        }
    }

    /** {@code frozen}: the weights when post-training started. */
    public static final Component<NoParameters, TeacherSchedule> FROZEN =
            Component.of(ComponentKind.TEACHER, "frozen", TeacherSchedules::frozen);
    /** {@code current}: the live policy. */
    public static final Component<NoParameters, TeacherSchedule> CURRENT =
            Component.of(ComponentKind.TEACHER, "current", TeacherSchedules::current);
    /** {@code ema}: a moving average with {@code rate} per applied step (0.05 by default). */
    public static final Component<Rate, TeacherSchedule> EMA =
            Component.of(ComponentKind.TEACHER, "ema", new Rate(0.05), p -> TeacherSchedules.ema(p.rate()));
    /** {@code periodic}: a copy every {@code every} steps (50 by default). */
    public static final Component<Every, TeacherSchedule> PERIODIC =
            Component.of(ComponentKind.TEACHER, "periodic", new Every(50), p -> TeacherSchedules.periodic(p.every()));
    /** {@code stageStart}: a copy at each stage's start. */
    public static final Component<NoParameters, TeacherSchedule> STAGE_START =
            Component.of(ComponentKind.TEACHER, "stageStart", TeacherSchedules::stageStart);
    /** {@code anchored}: {@code γ·anchor + (1 − γ)·policy}, γ 0.4 by default. */
    public static final Component<AnchorWeight, TeacherSchedule> ANCHORED = Component.of(ComponentKind.TEACHER,
            "anchored", new AnchorWeight(0.4), p -> TeacherSchedules.anchored(p.anchorWeight()));
    /** {@code trustRegion}: logits {@code lerp(anchor, policy, rate)}, rate 0.05 by default. */
    public static final Component<Rate, TeacherSchedule> TRUST_REGION = Component.of(ComponentKind.TEACHER,
            "trustRegion", new Rate(0.05), p -> TeacherSchedules.trustRegion(p.rate()));

    /** Every declaration above, in order: what {@code BuiltInPlugin} registers (a test checks none is left out). */
    public static final List<Component<?, ?>> ALL = List.of(FROZEN, CURRENT, EMA, PERIODIC, STAGE_START, ANCHORED,
            TRUST_REGION);

    private Teachers() {
    }

    /** @return {@code frozen}: the weights when post-training started */
    public static ComponentSpec frozen() {
        return FROZEN.spec();
    }

    /** @return {@code current}: the live policy */
    public static ComponentSpec current() {
        return CURRENT.spec();
    }

    /** @return {@code ema}: moving average with {@code rate} per applied step */
    public static ComponentSpec ema(double rate) {
        return EMA.spec(new Rate(rate));
    }

    /** @return {@code periodic}: a copy every {@code every} steps */
    public static ComponentSpec periodic(int every) {
        return PERIODIC.spec(new Every(every));
    }

    /** @return {@code stageStart}: a copy at each stage's start */
    public static ComponentSpec stageStart() {
        return STAGE_START.spec();
    }

    /** @return {@code anchored}: {@code γ·anchor + (1 − γ)·policy} */
    public static ComponentSpec anchored(double anchorWeight) {
        return ANCHORED.spec(new AnchorWeight(anchorWeight));
    }

    /** @return {@code trustRegion}: logits {@code lerp(anchor, policy, rate)} */
    public static ComponentSpec trustRegion(double rate) {
        return TRUST_REGION.spec(new Rate(rate));
    }
}
