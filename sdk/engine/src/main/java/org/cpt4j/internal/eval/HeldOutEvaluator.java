package org.cpt4j.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.SolutionStyle;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.evaluation.DomainScore;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.evaluation.EvaluationSampling;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.sampling.SamplingConfig;

/**
 * The engine's evaluator: scores a policy on held-out tasks of each domain as an {@link EvaluationSpec} says: greedy responses, or pass@k
 * (k samples per task at a temperature; a task is solved when one of them is correct), as the student (question
 * only) and, for a base model, as the teacher (the task's long worked solution as privileged context).
 *
 * <p>Held-out tasks come from a random stream of their own per (seed, domain), apart from the streams
 * pretraining and post-training draw from. Small domains (two-digit comparisons) can still repeat a question
 * seen in training; the scores measure skill on the task distribution, not on unseen strings. A prompt that does
 * not fit the model's context counts as a wrong answer.
 */
public final class HeldOutEvaluator implements Evaluator {

    private static final long HELD_OUT_SALT = 0x5EED_0E7A_1L;

    private final PromptFormat format;
    private final EvaluationSpec spec;

    public HeldOutEvaluator(PromptFormat format, EvaluationSpec spec) {
        this.format = format;
        this.spec = spec;
    }

    /** @return {@code count} held-out tasks of {@code domain}, the same for the same seed */
    public static List<Task> heldOutTasks(Domain domain, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ HELD_OUT_SALT ^ (long) domain.id().hashCode() << 20);
        List<Task> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(domain.task(random));
        }
        return tasks;
    }

    /** @return the spec's held-out tasks of {@code domain} */
    public List<Task> heldOutTasks(Domain domain) {
        return heldOutTasks(domain, spec.prompts(), spec.seed());
    }

    @Override
    public Evaluation evaluate(Sampler sampler, List<Domain> domains) {
        List<DomainScore> student = new ArrayList<>();
        List<DomainScore> teacher = new ArrayList<>();
        for (Domain domain : domains) {
            student.add(score(sampler, domain));
            teacher.add(teacherScore(sampler, domain));
        }
        return new Evaluation(student, teacher);
    }

    @Override
    public DomainScore score(Sampler sampler, Domain domain) {
        return score(sampler, domain, heldOutTasks(domain), format::studentPrompt);
    }

    @Override
    public DomainScore teacherScore(Sampler sampler, Domain domain) {
        return score(sampler, domain, heldOutTasks(domain),
                task -> format.teacherPrompt(task, task.solution(SolutionStyle.LONG)));
    }

    /**
     * @return the scores of the responses to {@code tasks}, prompted by {@code prompt}: accuracy is the share of tasks
     *     with a correct response (with one greedy response, that response), format validity and mean length are
     *     over every response
     */
    public DomainScore score(Sampler sampler, Domain domain, List<Task> tasks, Function<Task, int[]> prompt) {
        List<int[]> prompts = new ArrayList<>();
        List<Integer> fitting = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int[] tokens = prompt.apply(tasks.get(i));
            if (tokens.length < sampler.context()) {
                prompts.add(tokens);
                fitting.add(i);
            }
        }
        EvaluationSampling sampling = spec.sampling();
        List<Generation> generations = prompts.isEmpty() ? List.of() : sampling.decodesGreedily()
                ? sampler.sample(prompts, 1, SamplingConfig.greedy(spec.maxNewTokens()), 0)
                : sampler.sample(prompts, sampling.samples(), SamplingConfig.of(s -> s.temperature(sampling.temperature())
                        .maxNewTokens(spec.maxNewTokens())), spec.seed() ^ (long) domain.id().hashCode());
        boolean[] solved = new boolean[tasks.size()];
        int formatValid = 0;
        long tokens = 0;
        for (Generation generation : generations) {
            int task = fitting.get(generation.prompt());
            Verdict verdict = domain.verify(tasks.get(task), format.responseText(generation.tokens()));
            solved[task] |= verdict.correct();
            formatValid += verdict.formatValid() ? 1 : 0;
            tokens += generation.length();
        }
        int correct = 0;
        for (boolean task : solved) {
            correct += task ? 1 : 0;
        }
        int n = tasks.size();
        int responses = n * sampling.samples();
        return new DomainScore(domain.id(), domain.family(), n, (double) correct / n, (double) formatValid / responses,
                generations.isEmpty() ? 0 : (double) tokens / generations.size());
    }
}
