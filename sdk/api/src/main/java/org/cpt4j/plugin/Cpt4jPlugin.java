package org.cpt4j.plugin;

import java.util.List;

/**
 * A plugin jar's entry point, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.cpt4j.plugin.Cpt4jPlugin}. It names its components' declarations:
 *
 * <pre>{@code
 * public final class MyPlugin implements Cpt4jPlugin {
 *     public static final Component<Budget, RewardModel> BREVITY =
 *             Component.of(ComponentKind.REWARD, "brevity", new Budget(8), MyPlugin::brevity);
 *
 *     public String name() { return "my-rewards"; }
 *     public List<Component<?, ?>> components() { return List.of(BREVITY); }
 * }
 * }</pre>
 *
 * The engine registers them (one Guice map per kind, so that two plugins declaring one id of one kind fail naming
 * both); a plugin author needs no Guice.
 */
public interface Cpt4jPlugin {

    /** @return the plugin's name, shown by {@code cpt4j plugins} and in error messages */
    String name();

    /** @return the components the plugin contributes */
    List<Component<?, ?>> components();

    /**
     * @return a plugin of {@code components}, for an engine built in code ({@code Cpt4jEngine.builder().plugins(...)})
     *     or a test, without a class of its own
     */
    static Cpt4jPlugin of(String name, List<Component<?, ?>> components) {
        List<Component<?, ?>> copy = List.copyOf(components);
        return new Cpt4jPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Component<?, ?>> components() {
                return copy;
            }

            @Override
            public String toString() {
                return "plugin " + name;
            }
        };
    }
}
