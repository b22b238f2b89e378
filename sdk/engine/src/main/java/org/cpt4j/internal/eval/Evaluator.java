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
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.sampling.SamplingConfig;

/**
 * Scores a policy on held-out tasks of each domain with greedy decoding, as the student (question only) and
 * as the teacher (the task's long worked solution as privileged context).
 *
 * <p>Held-out tasks come from a random stream of their own per (seed, domain), apart from the streams
 * pretraining and post-training draw from. Small domains (two-digit comparisons) can still repeat a question
 * seen in training; the scores measure skill on the task distribution, not on unseen strings. A teacher prompt
 * that does not fit the model's context counts as a wrong answer.
 */
public final class Evaluator {

    private static final long HELD_OUT_SALT = 0x5EED_0E7A_1L;

    private final PromptFormat format;
    private final int maxNewTokens;

    public Evaluator(PromptFormat format, int maxNewTokens) {
        this.format = format;
        this.maxNewTokens = maxNewTokens;
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

    /** @return student and teacher scores of the sampler's policy on {@code prompts} tasks per domain */
    public Evaluation evaluate(Sampler sampler, List<Domain> domains, int prompts, long seed) {
        List<DomainScore> student = new ArrayList<>();
        List<DomainScore> teacher = new ArrayList<>();
        for (Domain domain : domains) {
            List<Task> tasks = heldOutTasks(domain, prompts, seed);
            student.add(score(sampler, domain, tasks, format::studentPrompt));
            teacher.add(score(sampler, domain, tasks,
                    task -> format.teacherPrompt(task, task.solution(SolutionStyle.LONG))));
        }
        return new Evaluation(student, teacher);
    }

    /** @return the scores of greedy responses to {@code tasks}, prompted by {@code prompt} */
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
        List<Generation> generations = prompts.isEmpty() ? List.of()
                : sampler.sample(prompts, 1, SamplingConfig.greedy(maxNewTokens), 0);
        int correct = 0;
        int formatValid = 0;
        long tokens = 0;
        for (Generation generation : generations) {
            Verdict verdict = domain.verify(tasks.get(fitting.get(generation.prompt())),
                    format.responseText(generation.tokens()));
            correct += verdict.correct() ? 1 : 0;
            formatValid += verdict.formatValid() ? 1 : 0;
            tokens += generation.length();
        }
        int n = tasks.size();
        return new DomainScore(domain.id(), domain.family(), n, (double) correct / n, (double) formatValid / n,
                generations.isEmpty() ? 0 : (double) tokens / generations.size());
    }
}
