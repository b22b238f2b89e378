package org.cpt4j.domain;

/**
 * One generated task of a domain.
 *
 * @param domain id of the domain that generated it
 * @param question the question as the model reads it, e.g. {@code 347+285}
 * @param answer the reference answer, e.g. {@code 632}
 * @param shortReasoning the reasoning a {@link SolutionStyle#SHORT} solution writes before its answer
 * @param longReasoning the reasoning a {@link SolutionStyle#LONG} solution writes before its answer, every
 *     intermediate state included
 */
public record Task(String domain, String question, String answer, String shortReasoning, String longReasoning) {

    public Task {
        if (question.isEmpty() || answer.isEmpty()) {
            throw new IllegalArgumentException("a task of domain '" + domain + "' needs a question and an answer");
        }
    }

    /** @return the worked solution in {@code style}: its reasoning, then the tagged answer */
    public String solution(SolutionStyle style) {
        String reasoning = switch (style) {
            case ANSWER_ONLY -> "";
            case SHORT -> shortReasoning;
            case LONG -> longReasoning;
        };
        return reasoning + AnswerTags.wrap(answer);
    }
}
