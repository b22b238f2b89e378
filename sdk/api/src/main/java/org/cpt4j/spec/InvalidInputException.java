package org.cpt4j.spec;

/**
 * Something a user gave cannot be used: a spec, a file, a directory, a checkpoint or an option. Its message names
 * what and where, and what would fix it; nothing about it is cpt4j's own failure. The command line exits 2 on one,
 * with the message alone. {@link InvalidSpecException} is the one kind of it that lists several problems.
 */
public sealed class InvalidInputException extends IllegalArgumentException permits InvalidSpecException {

    private static final long serialVersionUID = 1L;

    /** @param message what was given, what is wrong with it, and what would fix it */
    public InvalidInputException(String message) {
        super(message);
    }

    /** @param cause what reading the input failed with */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
