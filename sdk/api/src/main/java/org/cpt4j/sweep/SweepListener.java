package org.cpt4j.sweep;

/** Hears a sweep's tasks start and end, from the threads that run them. */
public interface SweepListener {

    /** Hears nothing. */
    SweepListener SILENT = new SweepListener() {
    };

    /** A task starts (or resumes). */
    default void onTaskStarted(SweepTask task) {
    }

    /** A task ended; {@code error} is empty when it finished. */
    default void onTaskEnded(SweepTask task, java.util.Optional<String> error) {
    }
}
