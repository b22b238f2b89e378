package org.cpt4j.experiment;

import java.util.function.Consumer;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * What a collapse event does to its arm. Every event is recorded; {@link Kind#STOP} then ends the arm, and
 * {@link Kind#ROLLBACK} restores the arm's newest checkpoint from before the event, applies {@code change} and goes
 * on, at most {@code maxTimes} times for this rule, after which its next event stops the arm. Each action is an event
 * of its own in {@code events.jsonl}.
 *
 * @param kind record, stop or roll back
 * @param change what a rollback changes; null otherwise
 * @param maxTimes how many rollbacks the rule may make; 0 unless it rolls back
 */
public record CollapseAction(Kind kind, @Nullable ArmChange change, int maxTimes) {

    /** Records the event and goes on. */
    public static final CollapseAction RECORD = new CollapseAction(Kind.RECORD, null, 0);

    /** What an event does. */
    public enum Kind {
        /** Record it; the arm goes on. */
        RECORD,
        /** Record it and end the arm: its current stage gets a last evaluation, later stages none. */
        STOP,
        /** Record it, go back to the newest checkpoint before it, change the arm's settings, and go on. */
        ROLLBACK
    }

    public CollapseAction {
        Problems problems = new Problems("action");
        if (kind == Kind.ROLLBACK) {
            problems.require(change != null, "change", "a rollback must change something (the same settings from the "
                    + "same checkpoint would collapse the same way: runs are deterministic)");
            problems.require(maxTimes >= 1, "maxTimes", "a rollback needs maxTimes of at least 1, was " + maxTimes);
        } else {
            problems.require(change == null, "change", "only a rollback changes the arm; " + kind + " was given one");
            problems.require(maxTimes == 0, "maxTimes", "only a rollback counts its times; " + kind + " had " + maxTimes);
        }
        problems.throwIfAny("collapse action");
    }

    /** @return the action that {@code configure} describes (by default: record) */
    public static CollapseAction of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return new CollapseAction(builder.kind, builder.change, builder.kind == Kind.ROLLBACK ? builder.maxTimes : 0);
    }

    /** Builder for {@link CollapseAction}. */
    public static final class Builder {
        private Kind kind = Kind.RECORD;
        private @Nullable ArmChange change;
        private int maxTimes = 1;

        private Builder() {
        }

        /** Ends the arm when the detector fires. */
        public Builder stop() {
            kind = Kind.STOP;
            change = null;
            return this;
        }

        /** Rolls back to the newest checkpoint before the event and goes on with what {@code configure} changes. */
        public Builder rollback(Consumer<ArmChange.Builder> configure) {
            kind = Kind.ROLLBACK;
            change = ArmChange.of(configure);
            return this;
        }

        /** How many rollbacks at most (default 1); the event after the last one stops the arm. */
        public Builder maxTimes(int value) {
            maxTimes = value;
            return this;
        }
    }
}
