package org.cpt4j.plugin;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A component an engine's plugins register.
 *
 * @param kind its kind
 * @param id its id within the kind
 * @param defaults its parameters' defaults, as a spec writes them (sorted by name)
 * @param plugin the name of the plugin that registers it
 * @param source the jar (or class directory) the plugin comes from
 * @param version the jar's {@code Implementation-Version}, or {@code unknown}
 */
public record RegisteredComponent(ComponentKind<?> kind, String id, Map<String, Object> defaults, String plugin,
                                  String source, String version) {

    public RegisteredComponent {
        defaults = Collections.unmodifiableMap(new TreeMap<>(defaults));
    }
}
