package org.cpt4j.internal.plugin;

import org.cpt4j.run.PluginFailure;
import org.jspecify.annotations.Nullable;

/**
 * A plugin component failed inside a call the engine made: it threw ({@link #getCause()}), or returned a number that
 * is not finite. It names the component and its plugin; the arm loop adds where it happened ({@link #failure}).
 */
public final class PluginCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient GuardedComponents.Owner owner;
    private final String error;

    PluginCallException(GuardedComponents.Owner owner, String error, @Nullable Throwable cause) {
        super(owner.kind() + " '" + owner.id() + "' (plugin " + owner.plugin() + " " + owner.version() + ") failed: "
                + error, cause);
        this.owner = owner;
        this.error = error;
    }

    /** @return the failure, where it happened */
    public PluginFailure failure(String arm, int stage, long step, boolean fatal) {
        return new PluginFailure(owner.plugin(), owner.version(), owner.kind(), owner.id(), arm, stage, step, error,
                fatal);
    }
}
