package org.cpt4j.internal.runtime;

/**
 * Asks the JVM to collect garbage every {@code everySteps} training steps. ND4J 1.0.0-M2.1 frees the native
 * buffers of SameDiff's intermediate arrays only when their Java objects are collected; the Java side of a step
 * allocates so little that collections are rare, native memory piles up between them, and every step then
 * faults in fresh pages. In about a third of the processes measured that tripled the step time
 * (docs/performance.md: 200 ms vs 580 ms, 0.55 M vs 1.6 M page faults). A collection every 4 steps made all runs
 * fast for about 6 ms a step.
 */
public final class NativeMemoryReclaimer {

    /** Steps between collections that kept every measured run in the fast mode. */
    public static final int DEFAULT_EVERY_STEPS = 4;

    private final int everySteps;
    private long steps;

    /** @param everySteps steps between collections; 0 never collects */
    public NativeMemoryReclaimer(int everySteps) {
        if (everySteps < 0) {
            throw new IllegalArgumentException("everySteps must not be negative, was " + everySteps);
        }
        this.everySteps = everySteps;
    }

    /** Counts a step and collects garbage when the cadence says so. */
    public void afterStep() {
        steps++;
        if (everySteps > 0 && steps % everySteps == 0) {
            System.gc();
        }
    }
}
