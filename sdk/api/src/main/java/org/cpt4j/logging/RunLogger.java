package org.cpt4j.logging;

import java.io.IOException;

/**
 * Receives a run's scalars as they are measured: a plugin kind with a stable id, chosen per run
 * ({@code RunOptions.loggers}, {@code cpt4j run --logger ID}), since where numbers go does not change what a run
 * computes. One instance serves one run, from {@link #open} to {@link #close}; the engine calls it from one thread.
 * A logger that throws is disabled for the rest of the run with a warning; the run goes on, and its own files hold
 * every number regardless.
 */
public interface RunLogger {

    /** @return stable id, e.g. {@code csv} */
    String id();

    /** The run starts, or starts again to resume a killed one. */
    default void open(LoggerContext context) throws IOException {
    }

    /** One group of scalars of one arm (a step's metrics, an evaluation, a drift measurement). */
    void log(Scalars scalars) throws IOException;

    /**
     * Arm {@code arm} goes on from its checkpoint taken after {@code steps} steps, after a restart of a killed run or a
     * collapse rule's rollback: it will report the steps after {@code steps} again, so a logger that keeps what it was
     * told may drop its scalars of {@code arm} at later steps (the run's own files keep an abandoned attempt's).
     */
    default void resumed(String arm, long steps) throws IOException {
    }

    /** The run has ended, normally or not; nothing is logged after this. */
    default void close() throws IOException {
    }
}
