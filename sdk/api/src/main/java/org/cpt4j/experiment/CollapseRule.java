package org.cpt4j.experiment;

/**
 * A collapse detector and what its events do to the arm.
 *
 * @param detector the detector (a collapse component)
 * @param action what happens when it fires
 */
public record CollapseRule(ComponentSpec detector, CollapseAction action) {

    /** @return a rule that only records {@code detector}'s events */
    public static CollapseRule record(ComponentSpec detector) {
        return new CollapseRule(detector, CollapseAction.RECORD);
    }
}
