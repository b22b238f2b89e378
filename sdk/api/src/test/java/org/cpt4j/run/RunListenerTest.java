package org.cpt4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.StageSpec;
import org.junit.jupiter.api.Test;

class RunListenerTest {

    private static final StepMetrics STEP = new StepMetrics(3, 0.5, 0.1, Map.of(), 0.5, 1, 0.2, Map.of(), 1, 0, 1, 0,
            4, 0, 0, 1, 2, 3);
    private static final EvaluationPoint BASE = new EvaluationPoint(EvaluationPoint.Kind.BASE, 0, 0, 0, 0,
            Map.of("add", 0.25), Map.of());

    /** Tells {@code listener} about one event of each kind. */
    private static void everyEvent(RunListener listener) {
        listener.onPretrainingStep(1, 10, 2.5, 1e-3);
        listener.onStep("sdpo", 0, new StageSpec("add", 5), 3, STEP);
        listener.onDrift("sdpo", 0, 5, "parameters", Map.of("angle", 0.1));
        listener.onCollapse("sdpo", new CollapseEvent("nonFinite", 4, "loss NaN", CollapseEvent.Severity.CRITICAL));
        listener.onEvaluationProgress("sdpo", EvaluationPoint.Kind.BASE, 1, 2);
        listener.onEvaluation("sdpo", BASE);
        listener.onRollback("sdpo", 2, 1);
        listener.onResume("sdpo", 5, true);
    }

    @Test
    void aLambdaHearsItsOwnEventAndNoOther() {
        List<String> heard = new ArrayList<>();
        everyEvent(RunListener.onPretrainingStep((step, total, loss, rate) -> heard.add("pretraining " + step)));
        everyEvent(RunListener.onStep((arm, stage, spec, stageStep, metrics) -> heard.add("step " + spec.domain()
                + " " + stageStep + " " + metrics.step())));
        everyEvent(RunListener.onDrift((arm, stage, step, metric, values) -> heard.add("drift " + metric)));
        everyEvent(RunListener.onCollapse((arm, event) -> heard.add("collapse " + event.detector())));
        everyEvent(RunListener.onEvaluationProgress((arm, kind, done, domains) -> heard.add("evaluating " + done)));
        everyEvent(RunListener.onEvaluation((arm, point) -> heard.add("evaluated " + point.kind())));
        everyEvent(RunListener.onRollback((arm, step, attempt) -> heard.add("rollback " + attempt)));
        everyEvent(RunListener.onResume((arm, step, finished) -> heard.add("resume " + finished)));
        assertEquals(List.of("pretraining 1", "step add 3 3", "drift parameters", "collapse nonFinite", "evaluating 1",
                "evaluated BASE", "rollback 1", "resume true"), heard);
    }

    @Test
    void allTellsEachListenerInTheirOrder() {
        List<String> heard = new ArrayList<>();
        everyEvent(RunListener.all(
                RunListener.onCollapse((arm, event) -> heard.add("first " + event.detector())),
                RunListener.SILENT,
                RunListener.onCollapse((arm, event) -> heard.add("second " + event.detector())),
                RunListener.onResume((arm, step, finished) -> heard.add("resume " + step))));
        assertEquals(List.of("first nonFinite", "second nonFinite", "resume 5"), heard);
    }
}
