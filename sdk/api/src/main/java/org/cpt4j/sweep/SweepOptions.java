package org.cpt4j.sweep;

import org.cpt4j.run.RunOptions;

/**
 * How a sweep is carried out; none of it changes what it computes.
 *
 * @param run each task's run options, but for {@code runs}: the sweep's folder, under which every task has its own
 *     runs directory ({@link SweepTask#directory()}), beside {@code sweep.json}; {@code threads} is each task's
 * @param parallel how many tasks run at once (at least 1)
 */
public record SweepOptions(RunOptions run, int parallel) {

    public SweepOptions {
        if (parallel < 1) {
            throw new IllegalArgumentException("a sweep runs at least one task at a time, was " + parallel);
        }
    }

    /** @return as many tasks at once as the cores hold tasks of {@code run.threads()} threads (at least one) */
    public static SweepOptions fillingTheCores(RunOptions run) {
        return new SweepOptions(run, Math.max(1, Runtime.getRuntime().availableProcessors() / run.threads()));
    }
}
