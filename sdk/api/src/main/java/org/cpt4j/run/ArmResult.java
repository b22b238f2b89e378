package org.cpt4j.run;

import java.util.List;
import org.cpt4j.collapse.CollapseEvent;

/**
 * What one arm produced.
 *
 * @param accuracy accuracy on every evaluated domain before and after each stage
 * @param measures the continual-learning measures of {@code accuracy} (ACC, BWT, FWT, forgetting, ...)
 * @param collapse the collapse events the spec's detectors reported, in step order
 */
public record ArmResult(AccuracyMatrix accuracy, ContinualMeasures measures, List<CollapseEvent> collapse) {

    public ArmResult {
        collapse = List.copyOf(collapse);
    }
}
