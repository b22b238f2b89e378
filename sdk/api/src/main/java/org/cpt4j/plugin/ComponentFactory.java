package org.cpt4j.plugin;

import java.util.Map;

/**
 * Creates one kind of component from the parameters a spec gives it.
 *
 * @param <T> what it creates
 */
public interface ComponentFactory<T> {

    /** @return the component's stable id, e.g. {@code grpo} */
    String id();

    /** @return every parameter with its default value (shown by {@code cpt4j plugins}; JSON values) */
    Map<String, Object> defaults();

    /**
     * @param parameters the spec's parameters; missing ones take their defaults
     * @return the component
     * @throws org.cpt4j.spec.InvalidSpecException listing every invalid or unknown parameter, paths rooted at the
     *     component's kind (e.g. {@code objective.alpha})
     */
    T create(Map<String, Object> parameters);
}
