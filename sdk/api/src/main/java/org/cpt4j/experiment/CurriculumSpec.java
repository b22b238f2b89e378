package org.cpt4j.experiment;

import java.util.List;

/**
 * The sequence of domains every arm is post-trained on, and the domains evaluated after each stage besides
 * the curriculum's own (held-out and out-of-domain ones).
 *
 * @param stages the stages, in order
 * @param evaluateOn extra domain ids evaluated after every stage
 */
public record CurriculumSpec(List<StageSpec> stages, List<String> evaluateOn) {

    public CurriculumSpec {
        stages = List.copyOf(stages);
        evaluateOn = List.copyOf(evaluateOn);
    }
}
