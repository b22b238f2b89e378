package org.cpt4j.plugins;

import java.util.ArrayList;
import java.util.List;
import org.cpt4j.domain.Domain;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugins.collapse.Collapse;
import org.cpt4j.plugins.domains.Domains;
import org.cpt4j.plugins.drift.Drift;
import org.cpt4j.plugins.logging.Loggers;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.rewards.Rewards;
import org.cpt4j.plugins.teachers.Teachers;

/**
 * cpt4j's own components, registered the way a third party registers theirs (listed in
 * {@code META-INF/services/org.cpt4j.plugin.Cpt4jPlugin}); each is declared beside its spec for the DSL
 * ({@link Objectives}, {@link Teachers}, {@link Rewards}, {@link Drift}, {@link Collapse}), the domains by
 * {@link Domains}.
 */
public final class BuiltInPlugin implements Cpt4jPlugin {

    @Override
    public String name() {
        return "cpt4j-builtins";
    }

    @Override
    public List<Component<?, ?>> components() {
        List<Component<?, ?>> components = new ArrayList<>();
        for (List<Component<?, ?>> kind : List.of(Objectives.ALL, Teachers.ALL, Rewards.ALL, Drift.ALL, Collapse.ALL,
                Loggers.ALL)) {
            components.addAll(kind);
        }
        for (Domain domain : Domains.builtIns()) {
            components.add(Component.of(ComponentKind.DOMAIN, domain.id(), () -> domain));
        }
        return components;
    }
}
