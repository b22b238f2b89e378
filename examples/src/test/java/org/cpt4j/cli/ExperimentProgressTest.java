package org.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.StepMetrics;
import org.junit.jupiter.api.Test;

/** What a person sees of a whole experiment's progress, on a terminal and in a log. */
class ExperimentProgressTest {

    private static final ExperimentSpec SPEC = Cpt4j.experiment("shown")
            .curriculum(c -> c.stage("add", s -> s.steps(20)).stage("mod", s -> s.steps(20)))
            .arm("grpo", a -> a.objective(Objectives.grpo()))
            .arm("sdpo", a -> a.objective(Objectives.sdpo()))
            .build();

    /** @return add's and mod's accuracy in that order, as the engine's evaluations list domains (Map.of has none) */
    private static Map<String, Double> accuracy(double add, double mod) {
        Map<String, Double> accuracy = new LinkedHashMap<>();
        accuracy.put("add", add);
        accuracy.put("mod", mod);
        return accuracy;
    }

    private static StepMetrics step(long step, double reward) {
        return new StepMetrics(step, reward, 0, Map.of(), reward, 1, 0.1, Map.of(), 0.5, 0, 1, 0, 5, 0, 0, 1, 1, 1);
    }

    /** Arm grpo through both stages, a second a step, with evaluations and a collapse at step 25. */
    private static String run(boolean terminal) {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ExperimentProgress progress = new ExperimentProgress(SPEC, new PrintWriter(text), terminal, () -> now[0]);
        progress.onEvaluationProgress("grpo", EvaluationPoint.Kind.BASE, 0, 2);
        progress.onEvaluation("grpo", new EvaluationPoint(EvaluationPoint.Kind.BASE, 0, 0, 0, 0,
                accuracy(0.25, 0.5)));
        long armStep = 0;
        for (int stage = 0; stage < 2; stage++) {
            StageSpec spec = SPEC.curriculum().stages().get(stage);
            for (long s = 0; s < spec.steps(); s++, armStep++) {
                now[0] += 1_000_000_000L;
                progress.onStep("grpo", stage, spec, s, step(armStep, 0.5));
                if (armStep == 25) {
                    progress.onCollapse("grpo", new CollapseEvent("entropyBelow", 25, "entropy 0.01 < 0.05",
                            CollapseEvent.Severity.WARNING));
                }
            }
            progress.onEvaluation("grpo", new EvaluationPoint(EvaluationPoint.Kind.STAGE_END, stage, 20,
                    armStep, 0, accuracy(0.75, 0.5)));
        }
        progress.finish();
        return text.toString();
    }

    @Test
    void aLogGetsALinePerTenthOfEachStageAndEachEvaluationCollapseAndNoCarriageReturns() {
        String log = run(false);
        assertFalse(log.contains("\r") || log.contains("\u001b"), log);
        List<String> lines = List.of(log.split("\n"));
        assertEquals("grpo base: add 25% mod 50%", lines.get(0));
        assertEquals(1 + 10 + 1 + 10 + 1 + 1, lines.size(), log);
        assertTrue(lines.get(1).startsWith("grpo (arm 1/2) stage 1/2 add: step 2/20, reward 0.500, add 25%, "
                + "collapse events 0, ETA "), lines.get(1));
        assertTrue(lines.contains("grpo after stage 1 (add): add 75% mod 50%"), log);
        assertTrue(lines.contains("grpo step 25: collapse entropyBelow [WARNING]: entropy 0.01 < 0.05"), log);
        // 40 of the experiment's 80 steps done, 40 trained in the 39 s since the first: 39 s to go
        String last = lines.get(lines.size() - 2);
        assertEquals("grpo (arm 1/2) stage 2/2 mod: step 20/20, reward 0.500, mod 50%, collapse events 1, ETA 39s",
                last);
    }

    @Test
    void aRollbackGetsItsOwnLineAndTheTimeLeftCountsTheStepsThatComeAgain() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ExperimentProgress progress = new ExperimentProgress(SPEC, new PrintWriter(text), false, () -> now[0]);
        StageSpec add = SPEC.curriculum().stages().get(0);
        for (long s = 0; s < 10; s++) {
            now[0] += 1_000_000_000L;
            progress.onStep("grpo", 0, add, s, step(s, 0.5));
        }
        progress.onRollback("grpo", 4, 1);
        now[0] += 1_000_000_000L;
        progress.onStep("grpo", 0, add, 5, step(5, 0.5));
        List<String> lines = List.of(text.toString().split("\n"));
        assertTrue(lines.contains("grpo: rolled back to its checkpoint after 4 steps (attempt 1)"), text.toString());
        // 5 of 80 steps done after the rollback, 11 trained in the 10 s since the first: 75 / 1.1 = 68 s
        assertTrue(lines.get(lines.size() - 1).endsWith("ETA 1m08s"), text.toString());
    }

    @Test
    void aTerminalRedrawsOneClearedStatusLineAndPutsEventsOnLinesOfTheirOwn() {
        String shown = run(true);
        for (String draw : shown.split("\r")) {
            assertTrue(draw.isEmpty() || draw.startsWith("\u001b[K"), "every redraw clears the line first: " + draw);
        }
        assertTrue(shown.contains(ProgressBar.REDRAW + "grpo (arm 1/2): evaluating base, 0/2 domains"), shown);
        assertTrue(shown.contains(ProgressBar.REDRAW + "grpo step 25: collapse entropyBelow [WARNING]: entropy 0.01 "
                + "< 0.05\n"), "an event replaces the status line and ends its own: " + shown);
        assertTrue(shown.endsWith("\n"), "finish ends the last line: " + shown);
    }
}
