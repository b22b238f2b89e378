package org.example.brevity;

import com.google.inject.Module;
import java.util.Map;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Components;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugin.RecordComponentFactory;
import org.cpt4j.reward.RewardModel;

/** Registers the {@code brevity} reward and the {@code largest-change} drift metric. */
public final class BrevityPlugin implements Cpt4jPlugin {

    @Override
    public String name() {
        return "brevity";
    }

    @Override
    public Module module() {
        return binder -> {
            Components.register(binder, ComponentKind.REWARD, new RecordComponentFactory<>("brevity",
                    ComponentKind.REWARD, new Budget(8), BrevityPlugin::brevity));
            Components.register(binder, ComponentKind.DRIFT, new RecordComponentFactory<>("largest-change",
                    ComponentKind.DRIFT, new NoParameters(), none -> new LargestChange()));
        };
    }

    /** @return 1 for a response of at most {@code budget} tokens, else 0 */
    static RewardModel brevity(Budget budget) {
        return (task, response, verdict, tokens) -> tokens <= budget.tokens() ? 1 : 0;
    }

    /** @return the spec of the {@code brevity} reward, for the DSL */
    public static ComponentSpec brevity(int tokens) {
        return ComponentSpec.of("brevity", Map.of("tokens", tokens));
    }

    /** @return the spec of the {@code largest-change} drift metric, for the DSL */
    public static ComponentSpec largestChange() {
        return ComponentSpec.of("largest-change");
    }
}
