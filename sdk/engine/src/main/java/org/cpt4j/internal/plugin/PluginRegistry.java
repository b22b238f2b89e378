package org.cpt4j.internal.plugin;

import com.google.inject.Binder;
import com.google.inject.Binding;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.MapBinderBinding;
import com.google.inject.multibindings.MultibinderBinding;
import com.google.inject.multibindings.MultibindingsTargetVisitor;
import com.google.inject.multibindings.OptionalBinderBinding;
import com.google.inject.name.Names;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.ElementSource;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.cpt4j.domain.Domain;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problems;
import org.cpt4j.spec.Suggestions;
import org.jspecify.annotations.Nullable;

/**
 * Every component the plugins declare, by kind and id. The declarations are bound in Guice, one {@link MapBinder}
 * per kind keyed by id, each under its plugin's {@link Source}: two plugins declaring one id of one kind fail in
 * Guice itself, naming both plugins and jars, and every component is attributed to its plugin.
 */
public final class PluginRegistry {

    /**
     * One declared component and where it came from.
     *
     * @param version the plugin jar's {@code Implementation-Version}, or {@code unknown} (classes not in a jar, or a
     *     jar whose manifest names none)
     */
    public record Entry(Component<?, ?> component, String plugin, String source, String version) {

        /** @return its kind */
        public ComponentKind<?> kind() {
            return component.kind();
        }

        /** @return its id within its kind */
        public String id() {
            return component.id();
        }
    }

    private static final TypeLiteral<Component<?, ?>> COMPONENT = new TypeLiteral<>() { };
    private static final TypeLiteral<Map<String, Component<?, ?>>> MAP = new TypeLiteral<>() { };

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

    /**
     * @return the registry of the given plugins, read from an injector of their declarations alone
     * @throws IllegalStateException when two plugins declare one id of one kind, naming both
     */
    public static PluginRegistry of(List<Cpt4jPlugin> plugins) {
        try {
            return from(Guice.createInjector(module(plugins)));
        } catch (CreationException e) {
            throw duplicates(e, plugins);
        }
    }

    /**
     * @return one module that binds every plugin's components into the map of their kind, keyed by id, under the
     *     plugin's {@link Source}
     */
    public static Module module(List<Cpt4jPlugin> plugins) {
        return binder -> {
            for (ComponentKind<?> kind : ComponentKind.values()) {
                mapOf(binder, kind);
            }
            for (Cpt4jPlugin plugin : plugins) {
                Binder attributed = binder.withSource(new Source(plugin.name(), location(plugin), version(plugin)));
                for (Component<?, ?> component : plugin.components()) {
                    mapOf(attributed, component.kind()).addBinding(component.id()).toInstance(component);
                }
            }
        };
    }

    private static MapBinder<String, Component<?, ?>> mapOf(Binder binder, ComponentKind<?> kind) {
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), COMPONENT, Names.named(kind.name()));
    }

    /**
     * @return when {@code e} is Guice refusing a duplicated id (its {@code Guice/DuplicateMapKey} error), an error that names
     *     each id and the plugins that declare it; else {@code e}
     */
    public static RuntimeException duplicates(CreationException e, List<Cpt4jPlugin> plugins) {
        if (e.getErrorMessages().stream().noneMatch(message -> message.getMessage().startsWith("Duplicate key"))) {
            return e;
        }
        Map<String, List<Source>> declaring = new LinkedHashMap<>();
        for (Cpt4jPlugin plugin : plugins) {
            for (Component<?, ?> component : plugin.components()) {
                declaring.computeIfAbsent(component.kind() + " '" + component.id() + "'", k -> new ArrayList<>())
                        .add(new Source(plugin.name(), location(plugin), version(plugin)));
            }
        }
        List<String> lines = declaring.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> entry.getKey() + " is declared by " + entry.getValue().stream().map(Source::toString)
                        .collect(Collectors.joining(" and by "))).toList();
        return new IllegalStateException("two plugins declare one component; remove one of the plugins' jars:\n  - "
                + String.join("\n  - ", lines), e);
    }

    /**
     * @return the registry of the components bound in {@code injector}, which must have been created with
     *     {@link #module}
     */
    public static PluginRegistry from(Injector injector) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (ComponentKind<?> kind : ComponentKind.values()) {
            Binding<Map<String, Component<?, ?>>> map = injector.getBinding(Key.get(MAP, Names.named(kind.name())));
            for (Map.Entry<?, Binding<?>> bound : map.acceptTargetVisitor(new MapEntries())) {
                Component<?, ?> component = (Component<?, ?>) bound.getValue().getProvider().get();
                Source source = sourceOf(bound.getValue());
                entries.put(key(kind, component.id()), new Entry(component, source.plugin(), source.jar(),
                        source.version()));
            }
        }
        return new PluginRegistry(entries);
    }

    /** Reads a map binding's entries, each with its own binding (and so its source). */
    private static final class MapEntries extends DefaultBindingTargetVisitor<Object, List<Map.Entry<?, Binding<?>>>>
            implements MultibindingsTargetVisitor<Object, List<Map.Entry<?, Binding<?>>>> {

        @Override
        public List<Map.Entry<?, Binding<?>>> visit(MapBinderBinding<?> binding) {
            return binding.getEntries();
        }

        @Override
        public List<Map.Entry<?, Binding<?>>> visit(MultibinderBinding<?> binding) {
            throw new IllegalStateException("not a component map: " + binding);
        }

        @Override
        public List<Map.Entry<?, Binding<?>>> visit(OptionalBinderBinding<?> binding) {
            throw new IllegalStateException("not a component map: " + binding);
        }
    }

    /** Where a binding came from: the plugin that installed it, the plugin's jar and that jar's version. */
    public record Source(String plugin, String jar, String version) {
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
        return source instanceof Source plugin ? plugin
                : new Source("unknown plugin", String.valueOf(source), "unknown");
    }

    /** @return the names of the plugins that registered components, in order */
    private List<String> plugins() {
        return entries.values().stream().map(Entry::plugin).distinct().sorted().toList();
    }

    /** @return every entry, by kind then id */
    public List<Entry> entries() {
        return entries.values().stream().sorted(Comparator.comparing((Entry e) -> e.kind().name())
                .thenComparing(Entry::id)).toList();
    }

    /** @return the ids registered for {@code kind}, in registration order */
    public List<String> ids(ComponentKind<?> kind) {
        return entries.values().stream().filter(e -> e.kind() == kind).map(Entry::id).toList();
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
        Entry entry = entry(kind, spec.id(), path, problems);
        if (entry == null) {
            return null;
        }
        try {
            return kind.type().cast(entry.component().create(spec.parameters()));
        } catch (InvalidSpecException e) {
            problems.include(path, e);
            return null;
        }
    }

    /**
     * @return the component as a run calls it: as {@link #create} makes it, with every call guarded, so that what it
     *     throws or a number it returns that is not finite becomes a {@link PluginCallException} naming it and its
     *     plugin; or null after recording why it cannot be created
     */
    public <T> @Nullable T createForRun(ComponentKind<T> kind, ComponentSpec spec, String path, Problems problems) {
        T created = create(kind, spec, path, problems);
        if (created == null) {
            return null;
        }
        Entry entry = entries.get(key(kind, spec.id()));
        return GuardedComponents.guard(kind, created, new GuardedComponents.Owner(kind.name(), spec.id(),
                entry.plugin(), entry.version()));
    }

    /** @return the entry of {@code id}, or null after recording it as unknown, with the known ids and the closest */
    private @Nullable Entry entry(ComponentKind<?> kind, String id, String path, Problems problems) {
        Entry entry = entries.get(key(kind, id));
        if (entry == null) {
            List<String> known = ids(kind);
            problems.add(path, "unknown " + kind + " '" + id + "'"
                    + Suggestions.closest(id, known).map(near -> "; did you mean '" + near + "'?").orElse(".")
                    + " Known: " + String.join(", ", known) + " (from the plugins " + String.join(", ", plugins())
                    + "; a component of another plugin needs its jar: on the class path, or for the cpt4j command "
                    + "--plugins JAR, CPT4J_PLUGINS or a plugins/ folder)");
        }
        return entry;
    }

    /**
     * @return {@code spec} with every parameter written (its own laid over the component's defaults), or null after
     *     recording under {@code path} why it cannot be (as {@link #create} does)
     */
    public @Nullable ComponentSpec explicit(ComponentKind<?> kind, ComponentSpec spec, String path, Problems problems) {
        Entry entry = entry(kind, spec.id(), path, problems);
        if (entry == null) {
            return null;
        }
        try {
            return entry.component().explicit(spec.parameters());
        } catch (InvalidSpecException e) {
            problems.include(path, e);
            return null;
        }
    }

    private static String key(ComponentKind<?> kind, String id) {
        return kind.name() + "/" + id;
    }

    /** @return the {@code Implementation-Version} of the jar {@code plugin}'s class came from, or {@code unknown} */
    private static String version(Cpt4jPlugin plugin) {
        String version = plugin.getClass().getPackage() == null ? null
                : plugin.getClass().getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    private static String location(Cpt4jPlugin plugin) {
        if (plugin.getClass().getEnclosingClass() == Cpt4jPlugin.class) {
            return "declared in code";
        }
        CodeSource code = plugin.getClass().getProtectionDomain().getCodeSource();
        return code == null ? "unknown location" : code.getLocation().toString();
    }
}
