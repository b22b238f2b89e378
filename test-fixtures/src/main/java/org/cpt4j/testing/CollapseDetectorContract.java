package org.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;

/**
 * The laws every {@link CollapseDetector} obeys: silent on a healthy run, and it fires on the collapse it is
 * for, with events that name it. A detector's test supplies a fresh detector and a collapsing run.
 */
public abstract class CollapseDetectorContract {

    /** @return a new detector (detectors keep state) */
    protected abstract CollapseDetector detector();

    /** @return the signals of step {@code step} of a run that collapses the way this detector watches for */
    protected abstract StepSignals collapsing(long step);

    /** @return a healthy step: entropy 0.3–2, format above 90%, finite, moderate lengths, no truncation */
    public static StepSignals healthy(SplittableRandom random, long step) {
        return new StepSignals(step, random.nextDouble(), 0.3 + 1.7 * random.nextDouble(), 0.9 + 0.1 * random.nextDouble(),
                4 + 8 * random.nextDouble(), 0, true);
    }

    @Property(tries = 30)
    void staysSilentOnAHealthyRun(@ForAll long seed) {
        CollapseDetector detector = detector();
        SplittableRandom random = new SplittableRandom(seed);
        for (long step = 0; step < 200; step++) {
            Optional<CollapseEvent> event = detector.observe(healthy(random, step));
            assertTrue(event.isEmpty(), "fired on a healthy step: " + event);
        }
    }

    @Property(tries = 1)
    void firesOnItsCollapseAndNamesItself() {
        CollapseDetector detector = detector();
        List<CollapseEvent> events = new ArrayList<>();
        for (long step = 0; step < 50; step++) {
            detector.observe(collapsing(step)).ifPresent(events::add);
        }
        assertTrue(!events.isEmpty(), "no event in 50 collapsing steps");
        events.forEach(event -> assertEquals(detector.id(), event.detector()));
        assertTrue(events.stream().allMatch(e -> !e.evidence().isBlank()));
    }
}
