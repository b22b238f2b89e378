package org.cpt4j.internal.text;

import java.util.Arrays;
import org.cpt4j.domain.Task;
import org.cpt4j.text.Tokenizer;

/**
 * The token layout of prompts and responses, shared by pretraining, sampling and the teacher.
 *
 * <pre>
 * student prompt:  BOS question SEP
 * teacher prompt:  BOS question SEP context SEP      (context: privileged text, e.g. a worked solution)
 * response:        solution EOS                     (solution: reasoning, then the tagged answer)
 * </pre>
 * The teacher is the same network reading privileged context after the question, as in the official SDPO
 * code ({@code "{prompt}{solution}{feedback}\n\nCorrectly solve the original question."}); the second
 * separator tells it apart from a student prompt. The student prompt is a prefix of the teacher prompt, and
 * the context sits right before the response, so a copy of what the context says is the nearest match
 * (a tiny model learns that far sooner than copying across the question). Both score the same response
 * tokens.
 */
public final class PromptFormat {

    private final Tokenizer tokenizer;

    public PromptFormat(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** @return {@code BOS question SEP} */
    public int[] studentPrompt(Task task) {
        return join(new int[] {Tokenizer.BOS}, tokenizer.encode(task.question()), new int[] {Tokenizer.SEPARATOR});
    }

    /** @return {@code BOS question SEP context SEP} */
    public int[] teacherPrompt(Task task, String context) {
        return join(studentPrompt(task), tokenizer.encode(context), new int[] {Tokenizer.SEPARATOR});
    }

    /** @return {@code solution EOS} */
    public int[] response(String solution) {
        return join(tokenizer.encode(solution), new int[] {Tokenizer.EOS});
    }

    /** @return the text of generated tokens, up to (not including) the first end-of-sequence token */
    public String responseText(int[] generated) {
        int end = 0;
        while (end < generated.length && generated[end] != Tokenizer.EOS) {
            end++;
        }
        return tokenizer.decode(Arrays.copyOf(generated, end));
    }

    /** @return the parts, one after another */
    public static int[] join(int[]... parts) {
        int[] out = new int[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
