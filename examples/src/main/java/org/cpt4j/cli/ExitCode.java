package org.cpt4j.cli;

/**
 * What the {@code cpt4j} command's exit status says; {@code --help} and the user guide list them.
 */
final class ExitCode {

    /** Done as asked. */
    static final int OK = 0;
    /** A failure of cpt4j itself or of a plugin: the message says which, and where the stack trace is. */
    static final int FAILURE = 1;
    /** Bad input: a spec, a checkpoint, an option, a file or a directory; the message names it and the fix. */
    static final int BAD_INPUT = 2;
    /** A run that finished with an arm stopped early: by a collapse rule's stop action, or for diverging. */
    static final int STOPPED = 3;

    /** The lines {@code --help} ends with. */
    static final String HELP = "Exit status: 0 done; 1 a failure of cpt4j or of a plugin (the message says where the "
            + "stack trace is); 2 bad input (a spec, checkpoint, option, file or directory: the message names it); 3 a "
            + "run finished with an arm stopped early (a collapse rule's stop, or divergence).";

    private ExitCode() {
    }
}
