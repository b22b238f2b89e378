package org.cpt4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LearningSpeedTest {

    /** One stage of {@code steps} steps on domain {@code d}, evaluated every {@code every} steps with random accuracies. */
    private record Run(AccuracyMatrix matrix, List<EvaluationPoint> points) {
    }

    private static Run run(long seed, int steps, int every) {
        SplittableRandom random = new SplittableRandom(seed);
        double before = random.nextInt(101) / 100.0;
        double after = random.nextInt(101) / 100.0;
        AccuracyMatrix matrix = new AccuracyMatrix("arm", List.of("d"), List.of("base", "after d"),
                new double[][] {{before}, {after}});
        List<EvaluationPoint> points = new ArrayList<>();
        points.add(new EvaluationPoint(EvaluationPoint.Kind.BASE, 0, 0, 0, 0, Map.of("d", before)));
        for (int n = every; n < steps; n += every) {
            points.add(new EvaluationPoint(EvaluationPoint.Kind.IN_STAGE, 0, n, n, 0, Map.of("d", random.nextInt(101) / 100.0)));
        }
        points.add(new EvaluationPoint(EvaluationPoint.Kind.STAGE_END, 0, steps, steps, 0, Map.of("d", after)));
        return new Run(matrix, points);
    }

    @Property(tries = 300)
    void halfTheGainComesNoLaterThanNineTenths(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int steps,
                                               @ForAll @IntRange(min = 1, max = 10) int every) {
        Run run = run(seed, steps, every);
        LearningSpeed speed = LearningSpeed.of(run.matrix(), List.of("d"), run.points()).get(0);
        if (speed.finalGain() <= 0) {
            assertNull(speed.stepsToHalfGain(), "no gain, no speed");
            assertNull(speed.stepsToNinetyPercentGain());
        } else {
            assertTrue(speed.stepsToHalfGain() <= speed.stepsToNinetyPercentGain(), speed.toString());
            assertTrue(speed.stepsToNinetyPercentGain() <= steps, "the stage's end reaches the whole gain");
        }
    }

    @Property(tries = 100)
    void withStageEndsOnlyBothAreTheStagesLength(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int steps) {
        Run run = run(seed, steps, steps);
        LearningSpeed speed = LearningSpeed.of(run.matrix(), List.of("d"), run.points()).get(0);
        if (speed.finalGain() > 0) {
            assertEquals(steps, speed.stepsToHalfGain());
            assertEquals(steps, speed.stepsToNinetyPercentGain());
        }
    }

    @Test
    void aStageByHand() {
        // 0.2 → 0.6 (gain 0.4): 0.3 at step 10 (25%), 0.45 at 20 (62.5%), 0.55 at 30 (87.5%), 0.6 at 40
        AccuracyMatrix matrix = new AccuracyMatrix("arm", List.of("add", "h"), List.of("base", "after add"),
                new double[][] {{0.2, 0.5}, {0.6, 0.1}});
        List<EvaluationPoint> points = List.of(
                new EvaluationPoint(EvaluationPoint.Kind.IN_STAGE, 0, 10, 10, 0, Map.of("add", 0.3, "h", 0.5)),
                new EvaluationPoint(EvaluationPoint.Kind.IN_STAGE, 0, 20, 20, 0, Map.of("add", 0.45, "h", 0.4)),
                new EvaluationPoint(EvaluationPoint.Kind.IN_STAGE, 0, 30, 30, 0, Map.of("add", 0.55, "h", 0.3)),
                new EvaluationPoint(EvaluationPoint.Kind.STAGE_END, 0, 40, 40, 0, Map.of("add", 0.6, "h", 0.1)));
        assertEquals(List.of(new LearningSpeed(0, "add", 0.6 - 0.2, 20, 40)), LearningSpeed.of(matrix, List.of("add"),
                points));
    }
}
