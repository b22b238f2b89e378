package org.cpt4j.internal.eval;

import java.util.List;
import org.cpt4j.domain.Domain;
import org.cpt4j.evaluation.DomainScore;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;

/**
 * Scores a policy, through its sampler, on tasks of each domain. The engine's is {@link HeldOutEvaluator}; an
 * engine service, made by the {@link Factory} bound in Guice ({@code EngineServices}), so that replacing that one
 * binding changes every evaluation of a run and of {@code evaluateBase}.
 */
public interface Evaluator {

    /** Makes the evaluator of one evaluation spec. */
    @FunctionalInterface
    interface Factory {
        /** The engine's own: {@link HeldOutEvaluator}. */
        Factory HELD_OUT = HeldOutEvaluator::new;

        /** @return the evaluator that scores as {@code spec} says, reading responses with {@code format} */
        Evaluator create(PromptFormat format, EvaluationSpec spec);
    }

    /** @return student and teacher scores of the sampler's policy on each domain */
    Evaluation evaluate(Sampler sampler, List<Domain> domains);

    /** @return the student's scores on {@code domain} */
    DomainScore score(Sampler sampler, Domain domain);

    /** @return the teacher's scores on {@code domain}: the same tasks, each with its worked solution as context */
    DomainScore teacherScore(Sampler sampler, Domain domain);
}
