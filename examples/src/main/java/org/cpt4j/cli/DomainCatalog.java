package org.cpt4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.cpt4j.domain.Domain;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.spec.Problems;

/** The domains the registered plugins provide, by id. */
final class DomainCatalog {

    private final PluginRegistry registry;

    DomainCatalog(PluginRegistry registry) {
        this.registry = registry;
    }

    static DomainCatalog registered() {
        return new DomainCatalog(PluginRegistry.load());
    }

    PluginRegistry registry() {
        return registry;
    }

    /** @return every registered domain, by id */
    List<Domain> all() {
        return registry.domains();
    }

    /**
     * @return the domains of {@code ids}, in order
     * @throws org.cpt4j.spec.InvalidSpecException listing every unknown id with the known ones and the closest
     */
    List<Domain> resolve(String path, List<String> ids) {
        Problems problems = new Problems("");
        List<Domain> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Domain domain = registry.create(ComponentKind.DOMAIN, ComponentSpec.of(ids.get(i)), path + "[" + i + "]",
                    problems);
            if (domain != null) {
                out.add(domain);
            }
        }
        problems.throwIfAny("domain list");
        return out;
    }
}
