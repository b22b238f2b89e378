package org.example.brevity;

import java.util.List;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugin.NoParameters;
import org.cpt4j.reward.RewardModel;

/** Declares the {@code brevity} reward and the {@code largest-change} drift metric. */
public final class BrevityPlugin implements Cpt4jPlugin {

    /** {@code brevity}: 1 for a response of at most {@code tokens} tokens (8 by default), else 0. */
    public static final Component<Budget, RewardModel> BREVITY =
            Component.of(ComponentKind.REWARD, "brevity", new Budget(8), BrevityPlugin::brevity);
    /** {@code largest-change}: the largest absolute change of any single parameter entry. */
    public static final Component<NoParameters, DriftMetric> LARGEST_CHANGE =
            Component.of(ComponentKind.DRIFT, "largest-change", LargestChange::new);

    @Override
    public String name() {
        return "brevity";
    }

    @Override
    public List<Component<?, ?>> components() {
        return List.of(BREVITY, LARGEST_CHANGE);
    }

    /** @return 1 for a response of at most {@code budget} tokens, else 0 */
    static RewardModel brevity(Budget budget) {
        return (task, response, verdict, tokens) -> tokens <= budget.tokens() ? 1 : 0;
    }

    /** @return the spec of the {@code brevity} reward, for the DSL: every parameter written */
    public static ComponentSpec brevity(int tokens) {
        return BREVITY.spec(new Budget(tokens));
    }

    /** @return the spec of the {@code largest-change} drift metric, for the DSL */
    public static ComponentSpec largestChange() {
        return LARGEST_CHANGE.spec();
    }
}
