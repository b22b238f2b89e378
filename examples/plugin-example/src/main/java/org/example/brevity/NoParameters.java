package org.example.brevity;

/** The parameters of a component that has none. */
public record NoParameters() {
}
