package org.cpt4j.plugin;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/** Registers component factories from a plugin's module. */
public final class Components {

    private Components() {
    }

    /** One registered factory: its kind and the factory. */
    public record Registration(ComponentKind<?> kind, ComponentFactory<?> factory) {
    }

    /** Registers {@code factory} as a component of {@code kind}. */
    public static <T> void register(Binder binder, ComponentKind<T> kind, ComponentFactory<? extends T> factory) {
        Multibinder.newSetBinder(binder, Registration.class).addBinding().toInstance(new Registration(kind, factory));
    }
}
