package org.cpt4j.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a specification so that validation reports all of them at once.
 *
 * <pre>{@code
 * Problems problems = new Problems("model");
 * problems.require(width > 0, "width", "must be positive, was " + width);
 * problems.throwIfAny("model configuration");
 * }</pre>
 */
public final class Problems {

    private final String prefix;
    private final List<Problem> found = new ArrayList<>();

    /** @param prefix path of the specification being checked; prepended to each field path ("" for none) */
    public Problems(String prefix) {
        this.prefix = prefix;
    }

    /** Records a problem at {@code field} unless {@code condition} holds. */
    public Problems require(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return this;
    }

    /** Records "must be positive and finite, was {@code value}" at {@code field} unless {@code value} is both. */
    public Problems requirePositiveFinite(String field, double value) {
        return require(value > 0 && Double.isFinite(value), field, "must be positive and finite, was " + value);
    }

    /** Records a problem at {@code field}. */
    public Problems add(String field, String message) {
        found.add(new Problem(prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field, message));
        return this;
    }

    /**
     * Records the problems of a nested specification under {@code path}: each problem's own root segment (the
     * nested spec's name, e.g. {@code model} in {@code model.width}) is replaced by {@code path}.
     */
    public Problems include(String path, InvalidSpecException nested) {
        for (Problem problem : nested.problems()) {
            String own = problem.path();
            int dot = own.indexOf('.');
            add(dot < 0 ? path : path + own.substring(dot), problem.message());
        }
        return this;
    }

    /** @return whether no problem was found */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** @return the problems found so far */
    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Throws an {@link InvalidSpecException} holding every problem found, if there is any. */
    public void throwIfAny(String what) {
        if (!found.isEmpty()) {
            throw new InvalidSpecException(what, found);
        }
    }
}
