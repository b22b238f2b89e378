package org.cpt4j.collapse;

import java.util.Optional;

/**
 * Watches the steps of one arm and reports a collapse when it sees one: a plugin with a stable id. A detector
 * may keep state across steps (a new instance serves each arm); it stays silent on a healthy run.
 */
public interface CollapseDetector {

    /** @return stable id, e.g. {@code entropyBelow} */
    String id();

    /** @return an event when this step shows a collapse, else empty */
    Optional<CollapseEvent> observe(StepSignals signals);
}
