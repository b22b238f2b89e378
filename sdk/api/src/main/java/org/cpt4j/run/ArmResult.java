package org.cpt4j.run;

import java.util.List;
import java.util.Optional;
import org.cpt4j.collapse.CollapseEvent;

/**
 * What one arm produced.
 *
 * @param name the arm's name, as its spec ({@code ArmSpec.name}) and its directory give it
 * @param accuracy accuracy on every evaluated domain before and after each stage
 * @param measures the continual-learning measures of {@code accuracy} (ACC, BWT, FWT, forgetting, ...)
 * @param collapse the collapse events the spec's detectors reported, in step order (rolled-back attempts included)
 * @param evaluations every evaluation of the arm's final attempt, in step order (base, inside stages, stage ends)
 * @param learningSpeed per finished stage, the steps to half and nine tenths of its gain on its domain
 * @param stoppedBy the collapse event a rule stopped the arm at; empty when the arm ran its whole curriculum
 * @param pluginFailures the components that failed and that the arm went on without (drift metrics, collapse
 *     detectors), in step order
 */
public record ArmResult(String name, AccuracyMatrix accuracy, ContinualMeasures measures, List<CollapseEvent> collapse,
                        List<EvaluationPoint> evaluations, List<LearningSpeed> learningSpeed,
                        Optional<CollapseEvent> stoppedBy, List<PluginFailure> pluginFailures) {

    /** @throws IllegalArgumentException when {@code accuracy} is another arm's matrix */
    public ArmResult {
        if (!name.equals(accuracy.arm())) {
            throw new IllegalArgumentException("arm '" + name + "' was given the accuracy matrix of arm '"
                    + accuracy.arm() + "'");
        }
        collapse = List.copyOf(collapse);
        evaluations = List.copyOf(evaluations);
        learningSpeed = List.copyOf(learningSpeed);
        pluginFailures = List.copyOf(pluginFailures);
    }
}
