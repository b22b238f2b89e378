package org.cpt4j.internal.pretrain;

import java.util.List;
import java.util.SplittableRandom;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.SolutionStyle;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.text.Tokenizer;

/**
 * The example stream of a {@link PretrainSpec}: batch {@code s} depends only on (seed, s), so a resumed run
 * sees exactly the batches an uninterrupted one would.
 *
 * <p>Privileged context of a teacher-format example, drawn per example: the long worked solution (half the
 * time), the short one, the answer-only one, or the verifier's feedback on a failed attempt (which names the
 * answer), each a sixth. All of them carry the answer, so the model learns to use what the context says.
 */
final class PretrainingExamples {

    private final PretrainSpec spec;
    private final List<Domain> domains;
    private final PromptFormat format;
    private final int context;

    PretrainingExamples(PretrainSpec spec, List<Domain> domains, PromptFormat format, int context) {
        this.spec = spec;
        this.domains = List.copyOf(domains);
        this.format = format;
        this.context = context;
    }

    /** One example: the whole token sequence and where its response starts. */
    record Example(int[] tokens, int responseStart) {
    }

    /** @return the batch of step {@code step} */
    SequenceBatch batch(long step) {
        return toBatch(examples(step));
    }

    /** @return the examples of step {@code step} */
    Example[] examples(long step) {
        SplittableRandom random = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + step);
        Example[] examples = new Example[spec.batchSize()];
        for (int i = 0; i < examples.length; i++) {
            examples[i] = example(random);
        }
        return examples;
    }

    /** @return next-token prediction over the examples, padded, masked to their response tokens */
    static SequenceBatch toBatch(Example[] examples) {
        int longest = 0;
        for (Example example : examples) {
            longest = Math.max(longest, example.tokens().length);
        }
        int length = longest - 1;
        int[][] inputs = new int[examples.length][length];
        int[][] targets = new int[examples.length][length];
        float[][] mask = new float[examples.length][length];
        for (int b = 0; b < examples.length; b++) {
            int[] tokens = examples[b].tokens();
            for (int t = 0; t < length; t++) {
                inputs[b][t] = t < tokens.length ? tokens[t] : Tokenizer.PAD;
                targets[b][t] = t + 1 < tokens.length ? tokens[t + 1] : Tokenizer.PAD;
                mask[b][t] = t + 1 < tokens.length && t + 1 >= examples[b].responseStart() ? 1f : 0f;
            }
        }
        return new SequenceBatch(inputs, targets, mask);
    }

    /** @return one example; a teacher-format one that would not fit the context falls back to student format */
    Example example(SplittableRandom random) {
        Domain domain = domains.get(random.nextInt(domains.size()));
        Task task = domain.task(random);
        int[] response = format.response(task.solution(spec.responseStyle()));
        boolean teacher = random.nextDouble() < spec.teacherFraction();
        String privileged = privilegedContext(task, random);
        int[] prompt = teacher ? format.teacherPrompt(task, privileged) : format.studentPrompt(task);
        if (prompt.length + response.length > context) {
            prompt = format.studentPrompt(task);
        }
        if (prompt.length + response.length > context) {
            throw new IllegalStateException("a task of domain '" + domain.id() + "' needs " + (prompt.length
                    + response.length) + " tokens, more than the model context of " + context + ": " + task);
        }
        return new Example(PromptFormat.join(prompt, response), prompt.length);
    }

    private static String privilegedContext(Task task, SplittableRandom random) {
        int pick = random.nextInt(6);
        return switch (pick) {
            case 0 -> task.solution(SolutionStyle.SHORT);
            case 1 -> task.solution(SolutionStyle.ANSWER_ONLY);
            case 2 -> (random.nextBoolean() ? Verdict.WRONG : Verdict.MALFORMED) + task.answer();
            default -> task.solution(SolutionStyle.LONG);
        };
    }
}
