package org.cpt4j.experiment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /** @return the domains every evaluation scores: the stages' domains in order, then the extra ones, each once */
    public List<String> evaluatedDomains() {
        Set<String> evaluated = new LinkedHashSet<>();
        stages.forEach(stage -> evaluated.add(stage.domain()));
        evaluated.addAll(evaluateOn);
        return List.copyOf(evaluated);
    }

    /** @return the domain of each stage, in order (a domain may come back) */
    public List<String> stageDomains() {
        return stages.stream().map(StageSpec::domain).toList();
    }
}
