package org.cpt4j.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a specification has one or more problems; it carries all of them, never the first only.
 */
public final class InvalidSpecException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    /**
     * @param what the kind of specification, used in the message (e.g. "model configuration")
     * @param problems every problem found; must not be empty
     */
    public InvalidSpecException(String what, List<Problem> problems) {
        super(describe(what, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidSpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in the order they were found */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String what, List<Problem> problems) {
        return "Invalid " + what + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
