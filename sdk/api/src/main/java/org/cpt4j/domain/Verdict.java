package org.cpt4j.domain;

import java.util.Optional;

/**
 * A verifier's judgement of one response, correctness and format scored separately.
 *
 * @param correct the response is well-formed and its answer equals the reference answer
 * @param formatValid the response's answer tags are well-formed ({@link AnswerTags})
 * @param feedback what the environment tells the model about the attempt; SDPO's teacher may read it as
 *     privileged context (it names the expected answer)
 */
public record Verdict(boolean correct, boolean formatValid, String feedback) {

    /** Feedback on a correct response. */
    public static final String CORRECT = "correct";
    /** Prefix of the feedback on a well-formed wrong response; the expected answer follows. */
    public static final String WRONG = "wrong:";
    /** Prefix of the feedback on a response with broken answer tags; the expected answer follows. */
    public static final String MALFORMED = "malformed:";
    /** Characters {@link #feedback()} may use besides the answer's. */
    public static final String FEEDBACK_ALPHABET = CORRECT + WRONG + MALFORMED;

    public Verdict {
        if (correct && !formatValid) {
            throw new IllegalArgumentException("a correct response must be well-formed");
        }
    }

    /** @return the verdict on {@code response} for {@code task}: exact match of the tagged answer */
    public static Verdict exactMatch(Task task, String response) {
        Optional<String> answer = AnswerTags.extract(response);
        if (answer.isEmpty()) {
            return new Verdict(false, false, MALFORMED + task.answer());
        }
        boolean correct = answer.get().equals(task.answer());
        return new Verdict(correct, true, correct ? CORRECT : WRONG + task.answer());
    }
}
