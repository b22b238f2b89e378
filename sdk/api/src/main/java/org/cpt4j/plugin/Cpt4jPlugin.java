package org.cpt4j.plugin;

import com.google.inject.Module;

/**
 * A plugin jar's entry point, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.cpt4j.plugin.Cpt4jPlugin}. Its module registers the plugin's components:
 *
 * <pre>{@code
 * public final class MyPlugin implements Cpt4jPlugin {
 *     public String name() { return "my-rewards"; }
 *     public Module module() {
 *         return binder -> Components.register(binder, ComponentKind.REWARD, new BrevityRewardFactory());
 *     }
 * }
 * }</pre>
 */
public interface Cpt4jPlugin {

    /** @return the plugin's name, shown by {@code cpt4j plugins} and in error messages */
    String name();

    /** @return the Guice module that registers the plugin's components */
    Module module();
}
