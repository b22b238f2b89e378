package org.cpt4j.spec;

import java.util.Objects;

/**
 * One thing wrong with a specification: where it is and what is wrong, e.g.
 * {@code model.width: must be divisible by model.heads (4), was 66}.
 *
 * @param path dotted path of the offending field, as a user would write it in a spec file
 * @param message what is wrong and, where possible, what would fix it
 */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
