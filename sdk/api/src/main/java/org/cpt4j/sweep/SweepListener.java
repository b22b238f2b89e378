package org.cpt4j.sweep;

/** Hears a sweep's tasks start and end, from the threads that run them. */
public interface SweepListener {

    /** Hears nothing. */
    SweepListener SILENT = new SweepListener() {
    };

    /**
     * @return what hears the pretraining of each base model the sweep's tasks need, before any task starts (a cached
     *     base is loaded, with no steps to hear); nothing by default
     */
    default org.cpt4j.run.RunListener pretraining() {
        return org.cpt4j.run.RunListener.SILENT;
    }

    /** A task starts (or resumes). */
    default void onTaskStarted(SweepTask task) {
    }

    /** A task ended; {@code error} is empty when it finished. */
    default void onTaskEnded(SweepTask task, java.util.Optional<String> error) {
    }
}
