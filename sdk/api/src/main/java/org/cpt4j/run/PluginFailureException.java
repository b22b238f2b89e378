package org.cpt4j.run;

/**
 * Thrown by a run when a plugin component it cannot go on without failed ({@link PluginFailure}); the failure is in
 * the arm's {@code events.jsonl} too. The run directory keeps everything up to the last checkpoint: after the plugin
 * is fixed or replaced, the same spec resumes there.
 */
public final class PluginFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PluginFailure failure;

    /** @param cause what the component threw, if it threw */
    public PluginFailureException(PluginFailure failure, Throwable cause) {
        super(failure.describe() + ". The run stopped; fix or replace the component, then run the same spec again "
                + "to resume from the last checkpoint", cause);
        this.failure = failure;
    }

    /** @return what failed, where */
    public PluginFailure failure() {
        return failure;
    }
}
