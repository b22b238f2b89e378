package org.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Healthy steps before the collapse begins in {@link #firesOnItsCollapseNoEarlierThanItBeganAndNamesItself}. */
    private static final int HEALTHY_STEPS = 20;

    /** @return a new detector (detectors keep state) */
    protected abstract CollapseDetector detector();

    /** @return the signals of step {@code step} of a run that collapses the way this detector watches for */
    protected abstract StepSignals collapsing(long step);

    /**
     * @return a healthy step, drawn uniformly from the envelope of a run that is learning: reward mean 0.2–0.9,
     *     entropy 0.3–2, format valid 90–100%, mean length 4–12 tokens, at most 5% truncated, at most 10% of the
     *     rollouts looping, a finite update, and the objectives' diagnostics a healthy SDPO or GRPO step shows
     *     (teacher-student {@code divergence} 0.01–0.5, {@code clip_fraction} 0–0.2, {@code ppo_kl} 0–0.05).
     *     A detector whose threshold lies inside this envelope is not one a healthy run can pass; a detector of
     *     another signal overrides {@link #healthyStep}.
     */
    public static StepSignals healthy(SplittableRandom random, long step) {
        return new StepSignals(step, between(random, 0.2, 0.9), between(random, 0.3, 2.0), between(random, 0.9, 1.0),
                between(random, 4, 12), between(random, 0, 0.05), true, between(random, 0, 0.1),
                Map.of("divergence", between(random, 0.01, 0.5), "clip_fraction", between(random, 0, 0.2),
                        "ppo_kl", between(random, 0, 0.05)));
    }

    private static double between(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** @return the healthy step this detector is checked against; {@link #healthy} unless overridden */
    protected StepSignals healthyStep(SplittableRandom random, long step) {
        return healthy(random, step);
    }

    @Property(tries = 30)
    void staysSilentOnAHealthyRun(@ForAll long seed) {
        CollapseDetector detector = detector();
        SplittableRandom random = new SplittableRandom(seed);
        for (long step = 0; step < 200; step++) {
            Optional<CollapseEvent> event = detector.observe(healthyStep(random, step));
            assertTrue(event.isEmpty(), "fired on a healthy step: " + event);
        }
    }

    /** After a healthy stretch, the collapse is reported, no earlier than it began, by this detector. */
    @Property(tries = 5)
    void firesOnItsCollapseNoEarlierThanItBeganAndNamesItself(@ForAll long seed) {
        CollapseDetector detector = detector();
        SplittableRandom random = new SplittableRandom(seed);
        List<CollapseEvent> events = new ArrayList<>();
        for (long step = 0; step < HEALTHY_STEPS + 50; step++) {
            StepSignals signals = step < HEALTHY_STEPS ? healthyStep(random, step)
                    : at(step, collapsing(step - HEALTHY_STEPS));
            detector.observe(signals).ifPresent(events::add);
        }
        assertTrue(!events.isEmpty(), "no event in 50 collapsing steps");
        events.forEach(event -> {
            assertEquals(detector.id(), event.detector());
            assertTrue(event.step() >= HEALTHY_STEPS, "reported at step " + event.step() + ", before the collapse began");
            assertTrue(!event.evidence().isBlank(), "an event says what was seen");
        });
    }

    private static StepSignals at(long step, StepSignals s) {
        return new StepSignals(step, s.rewardMean(), s.entropy(), s.formatValid(), s.meanLength(), s.truncatedFraction(),
                s.finite(), s.repetition(), s.diagnostics());
    }
}
