package org.cpt4j.internal.plugin;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.ElementSource;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.cpt4j.domain.Domain;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.plugin.ComponentFactory;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Components;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * Every component the plugins on the class path register, by kind and id. The plugins' modules share one injector
 * (an experiment's, with the engine's bindings beside them); each is installed under its plugin's {@link Source},
 * so that every factory is attributed to its plugin and jar, and two plugins registering one id of one kind is an
 * error naming both.
 */
public final class PluginRegistry {

    /** One registered factory and where it came from. */
    public record Entry(ComponentKind<?> kind, ComponentFactory<?> factory, String plugin, String source) {
    }

    private final Map<String, Entry> entries;

    private PluginRegistry(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** @return the registry of the plugins {@link ServiceLoader} finds */
    public static PluginRegistry load() {
        List<Cpt4jPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(Cpt4jPlugin.class).forEach(plugins::add);
        return of(plugins);
    }

    /** @return the registry of the given plugins, read from an injector of their modules alone */
    public static PluginRegistry of(List<Cpt4jPlugin> plugins) {
        return from(Guice.createInjector(modules(plugins)));
    }

    /**
     * @return one module that installs every plugin's module under its plugin's {@link Source}, so that each
     *     binding (each registered factory among them) names the plugin and jar it came from
     */
    public static Module modules(List<Cpt4jPlugin> plugins) {
        return binder -> {
            for (Cpt4jPlugin plugin : plugins) {
                binder.withSource(new Source(plugin.name(), location(plugin))).install(plugin.module());
            }
        };
    }

    /**
     * @return the registry of the factories registered in {@code injector}, which must have been created with
     *     {@link #modules}
     * @throws IllegalStateException when two plugins register one id of one kind, naming both
     */
    public static PluginRegistry from(Injector injector) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Binding<Components.Registration> binding
                : injector.findBindingsByType(TypeLiteral.get(Components.Registration.class))) {
            Components.Registration registration = binding.getProvider().get();
            Source source = sourceOf(binding);
            Entry entry = new Entry(registration.kind(), registration.factory(), source.plugin(), source.jar());
            Entry earlier = entries.putIfAbsent(key(registration.kind(), registration.factory().id()), entry);
            if (earlier != null) {
                duplicates.add(registration.kind() + " '" + registration.factory().id() + "' is registered by "
                        + earlier.plugin() + " (" + earlier.source() + ") and by " + entry.plugin() + " ("
                        + entry.source() + ")");
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("duplicate plugin components:\n  - " + String.join("\n  - ", duplicates));
        }
        return new PluginRegistry(entries);
    }

    /** Where a binding came from: the plugin that installed it and the plugin's jar. */
    public record Source(String plugin, String jar) {
        @Override
        public String toString() {
            return "plugin " + plugin + " (" + jar + ")";
        }
    }

    private static Source sourceOf(Binding<?> binding) {
        Object source = binding.getSource();
        if (source instanceof ElementSource element) {
            source = element.getDeclaringSource();
        }
        return source instanceof Source plugin ? plugin : new Source("unknown plugin", String.valueOf(source));
    }

    /** @return every entry, by kind then id */
    public List<Entry> entries() {
        return entries.values().stream().sorted(Comparator.comparing((Entry e) -> e.kind().name())
                .thenComparing(e -> e.factory().id())).toList();
    }

    /** @return the ids registered for {@code kind}, in registration order */
    public List<String> ids(ComponentKind<?> kind) {
        return entries.values().stream().filter(e -> e.kind() == kind).map(e -> e.factory().id()).toList();
    }

    /**
     * @return every registered domain with its default parameters, in registration order (their alphabets make the
     *     tokenizer, so that one base model serves every experiment)
     * @throws org.cpt4j.spec.InvalidSpecException when a domain cannot be created with its defaults
     */
    public List<Domain> domains() {
        return domains("domains", ids(ComponentKind.DOMAIN));
    }

    /**
     * @return the domains of {@code ids} with their default parameters, in order
     * @throws org.cpt4j.spec.InvalidSpecException listing, under {@code path[i]}, every unknown id with the known ones
     *     and the closest
     */
    public List<Domain> domains(String path, List<String> ids) {
        Problems problems = new Problems("");
        List<Domain> domains = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Domain domain = create(ComponentKind.DOMAIN, ComponentSpec.of(ids.get(i)), path + "[" + i + "]", problems);
            if (domain != null) {
                domains.add(domain);
            }
        }
        problems.throwIfAny("domain list");
        return domains;
    }

    /**
     * @return the component {@code spec} describes, or null after recording under {@code path} why it cannot be
     *     created (an unknown id with the known ones and the closest, or every invalid parameter)
     */
    public <T> @Nullable T create(ComponentKind<T> kind, ComponentSpec spec, String path, Problems problems) {
        Entry entry = entries.get(key(kind, spec.id()));
        if (entry == null) {
            List<String> known = ids(kind);
            problems.add(path, "unknown " + kind + " '" + spec.id() + "'"
                    + (known.isEmpty() ? "" : "; did you mean '" + closest(spec.id(), known) + "'?")
                    + " Known: " + String.join(", ", known));
            return null;
        }
        try {
            return kind.type().cast(entry.factory().create(spec.parameters()));
        } catch (InvalidSpecException e) {
            problems.include(path, e);
            return null;
        }
    }

    private static String key(ComponentKind<?> kind, String id) {
        return kind.name() + "/" + id;
    }

    private static String location(Cpt4jPlugin plugin) {
        CodeSource code = plugin.getClass().getProtectionDomain().getCodeSource();
        return code == null ? "unknown location" : code.getLocation().toString();
    }

    /** @return the known id nearest to {@code id} by edit distance */
    static String closest(String id, List<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> editDistance(id, k))).orElse("");
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
