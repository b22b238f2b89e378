package org.cpt4j.internal.run;

import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.CollapseAction;
import org.jspecify.annotations.Nullable;

/**
 * What the loop does after a step: go on, stop the arm, or roll it back, as collapse rule {@code rule} said about
 * {@code event}.
 */
public record Directive(CollapseAction.Kind kind, @Nullable CollapseEvent event, int rule) {

    /** Go on. */
    public static final Directive CONTINUE = new Directive(CollapseAction.Kind.RECORD, null, -1);

    /** @return stop the arm because of {@code event} (an arm phase's own stop, not a collapse rule's) */
    public static Directive stop(CollapseEvent event) {
        return new Directive(CollapseAction.Kind.STOP, event, -1);
    }

    boolean goesOn() {
        return kind == CollapseAction.Kind.RECORD;
    }
}
