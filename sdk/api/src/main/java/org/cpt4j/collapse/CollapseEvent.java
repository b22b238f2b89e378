package org.cpt4j.collapse;

/**
 * A collapse a detector saw.
 *
 * @param detector the detector's id
 * @param step the step it was seen at
 * @param evidence what was seen, for people (e.g. {@code entropy 0.02 < 0.05 for 5 steps})
 * @param severity how bad it is
 */
public record CollapseEvent(String detector, long step, String evidence, Severity severity) {

    /** How bad a collapse is. */
    public enum Severity { WARNING, CRITICAL }
}
