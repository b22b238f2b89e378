package org.cpt4j.internal.store;

import java.io.IOException;

/**
 * A file that is there but that this cpt4j cannot read: another format, a version newer than its own, or damaged.
 * Readers that can do without it (an older checkpoint) go on; at the engine's face it is bad input, naming the file.
 */
public final class UnreadableFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message the file, and what is wrong with it */
    public UnreadableFileException(String message) {
        super(message);
    }

    /** @param cause what reading it failed with */
    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
