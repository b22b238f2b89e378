package org.cpt4j.plugins.objectives;

import java.util.List;
import java.util.function.Consumer;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.objective.Objective;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;

/**
 * The built-in objectives, each declared once, and their specs for the DSL:
 * {@code .objective(Objectives.grpo(g -> g.klBeta(0.04)))}.
 */
public final class Objectives {

    /** {@code grpo}: group-relative policy optimisation ({@link GrpoConfig}). */
    public static final Component<GrpoConfig, Objective> GRPO =
            Component.of(ComponentKind.OBJECTIVE, GrpoObjective.ID, GrpoConfig.of(g -> { }), GrpoObjective::new);
    /** {@code sdpo}: self-distillation policy optimisation ({@link SdpoConfig}). */
    public static final Component<SdpoConfig, Objective> SDPO =
            Component.of(ComponentKind.OBJECTIVE, SdpoObjective.ID, SdpoConfig.of(s -> { }), SdpoObjective::new);

    /** Every declaration above, in order: what {@code BuiltInPlugin} registers (a test checks none is left out). */
    public static final List<Component<?, ?>> ALL = List.of(GRPO, SDPO);

    private Objectives() {
    }

    /** @return GRPO with the options {@code configure} sets (every one written out, so specs are explicit) */
    public static ComponentSpec grpo(Consumer<GrpoConfig.Builder> configure) {
        return GRPO.spec(GrpoConfig.of(configure));
    }

    /** @return GRPO with its defaults */
    public static ComponentSpec grpo() {
        return grpo(g -> { });
    }

    /** @return SDPO with the options {@code configure} sets */
    public static ComponentSpec sdpo(Consumer<SdpoConfig.Builder> configure) {
        return SDPO.spec(SdpoConfig.of(configure));
    }

    /** @return SDPO with its defaults */
    public static ComponentSpec sdpo() {
        return sdpo(d -> { });
    }
}
