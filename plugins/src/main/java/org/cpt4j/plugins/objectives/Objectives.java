package org.cpt4j.plugins.objectives;

import java.util.function.Consumer;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.plugin.RecordComponentFactory;

/** Specs of the built-in objectives, for the DSL: {@code .objective(Objectives.grpo(g -> g.klBeta(0.04)))}. */
public final class Objectives {

    private Objectives() {
    }

    /** @return GRPO with the options {@code configure} sets (every one written out, so specs are explicit) */
    public static ComponentSpec grpo(Consumer<GrpoConfig.Builder> configure) {
        return ComponentSpec.of(GrpoObjective.ID, RecordComponentFactory.parametersOf(GrpoConfig.of(configure)));
    }

    /** @return GRPO with its defaults */
    public static ComponentSpec grpo() {
        return grpo(g -> { });
    }

    /** @return SDPO with the options {@code configure} sets */
    public static ComponentSpec sdpo(Consumer<SdpoConfig.Builder> configure) {
        return ComponentSpec.of(SdpoObjective.ID, RecordComponentFactory.parametersOf(SdpoConfig.of(configure)));
    }

    /** @return SDPO with its defaults */
    public static ComponentSpec sdpo() {
        return sdpo(d -> { });
    }
}
