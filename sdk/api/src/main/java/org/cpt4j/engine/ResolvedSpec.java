package org.cpt4j.engine;

import java.util.List;
import org.cpt4j.experiment.ExperimentSpec;

/**
 * A spec whose every component resolved against the plugins.
 *
 * @param spec the spec as given
 * @param explicit the spec with every component's parameters written, each given one or its default: it runs the
 *     same as {@code spec}, and says everything the run will use
 * @param arms each arm's name and the ids of what it was resolved to, in the spec's order
 * @param domains every domain the spec names (the base's mix, the stages', the extra evaluated ones), each once
 * @param drift the ids of the drift metrics, in the spec's order
 * @param collapse the ids of the collapse detectors, in the spec's order
 */
public record ResolvedSpec(ExperimentSpec spec, ExperimentSpec explicit, List<Arm> arms, List<String> domains, List<String> drift,
                           List<String> collapse) {

    public ResolvedSpec {
        arms = List.copyOf(arms);
        domains = List.copyOf(domains);
        drift = List.copyOf(drift);
        collapse = List.copyOf(collapse);
    }

    /** An arm, with the ids of its objective and teacher schedule and the names of its reward components. */
    public record Arm(String name, String objective, String teacher, List<String> rewards) {

        public Arm {
            rewards = List.copyOf(rewards);
        }
    }
}
