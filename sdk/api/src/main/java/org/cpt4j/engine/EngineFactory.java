package org.cpt4j.engine;

import com.google.inject.Module;
import java.util.List;
import org.cpt4j.plugin.Cpt4jPlugin;

/**
 * How {@link Cpt4jEngine#builder()} finds the engine: {@code cpt4j-engine} registers its factory in
 * {@code META-INF/services/org.cpt4j.engine.EngineFactory}. Users never implement it.
 */
public interface EngineFactory {

    /**
     * @param overrides bindings that replace engine services ({@link Cpt4jEngine.Builder#override})
     * @return an engine with {@code plugins}
     */
    Cpt4jEngine create(List<Cpt4jPlugin> plugins, Module overrides);
}
