package org.cpt4j.plugins.teachers;

import java.util.Map;
import org.cpt4j.experiment.ComponentSpec;

/** Specs of the built-in teacher schedules, for the DSL: {@code .teacher(Teachers.ema(0.05))}. */
public final class Teachers {

    private Teachers() {
    }

    /** @return {@code frozen}: the weights when post-training started */
    public static ComponentSpec frozen() {
        return ComponentSpec.of("frozen");
    }

    /** @return {@code current}: the live policy */
    public static ComponentSpec current() {
        return ComponentSpec.of("current");
    }

    /** @return {@code ema}: moving average with {@code rate} per applied step */
    public static ComponentSpec ema(double rate) {
        return ComponentSpec.of("ema", Map.of("rate", rate));
    }

    /** @return {@code periodic}: a copy every {@code every} steps */
    public static ComponentSpec periodic(int every) {
        return ComponentSpec.of("periodic", Map.of("every", every));
    }

    /** @return {@code stageStart}: a copy at each stage's start */
    public static ComponentSpec stageStart() {
        return ComponentSpec.of("stageStart");
    }

    /** @return {@code anchored}: {@code γ·anchor + (1 − γ)·policy} */
    public static ComponentSpec anchored(double anchorWeight) {
        return ComponentSpec.of("anchored", Map.of("anchorWeight", anchorWeight));
    }

    /** @return {@code trustRegion}: logits {@code lerp(anchor, policy, rate)} */
    public static ComponentSpec trustRegion(double rate) {
        return ComponentSpec.of("trustRegion", Map.of("rate", rate));
    }
}
