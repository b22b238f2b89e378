package org.cpt4j.plugin;

/** The parameters of a component that has none: {@code Component.of(kind, id, () -> component)} declares one. */
public record NoParameters() {
}
