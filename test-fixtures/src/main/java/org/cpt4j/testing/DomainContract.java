package org.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.cpt4j.domain.AnswerTags;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.SolutionStyle;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;

/**
 * The laws every {@link Domain} obeys. A domain's test extends this class and names the domain:
 *
 * <pre>{@code
 * class MyDomainTest extends DomainContract {
 *     protected Domain domain() { return new MyDomain(); }
 * }
 * }</pre>
 */
public abstract class DomainContract {

    /** @return the domain under test */
    protected abstract Domain domain();

    private Task task(long seed) {
        return domain().task(new SplittableRandom(seed));
    }

    @Property(tries = 200)
    void theSameSeedGivesTheSameTask(@ForAll long seed) {
        assertEquals(task(seed), task(seed));
    }

    @Property(tries = 300)
    void theWorkedSolutionIsCorrectInEveryStyle(@ForAll long seed) {
        Task task = task(seed);
        assertEquals(domain().id(), task.domain());
        for (SolutionStyle style : SolutionStyle.values()) {
            Verdict verdict = domain().verify(task, task.solution(style));
            assertTrue(verdict.correct() && verdict.formatValid(), style + " solution of " + task + " judged " + verdict);
        }
    }

    @Property(tries = 200)
    void solutionsGrowWithTheirStyle(@ForAll long seed) {
        Task task = task(seed);
        int answerOnly = task.solution(SolutionStyle.ANSWER_ONLY).length();
        int hint = task.solution(SolutionStyle.SHORT).length();
        int worked = task.solution(SolutionStyle.LONG).length();
        assertTrue(answerOnly < hint && hint <= worked, "lengths " + answerOnly + ", " + hint + ", " + worked
                + " of " + task);
    }

    @Property(tries = 200)
    void aWrongWellFormedAnswerIsIncorrectButWellFormed(@ForAll long seed) {
        Task task = task(seed);
        String answer = task.answer();
        char last = answer.charAt(answer.length() - 1);
        char other = (char) domain().alphabet().chars().filter(c -> c != last).findFirst().orElseThrow();
        String sameLength = answer.substring(0, answer.length() - 1) + other;
        for (String wrong : new String[] {answer + answer.charAt(0), sameLength}) {
            Verdict verdict = domain().verify(task, AnswerTags.wrap(wrong));
            assertFalse(verdict.correct(), "'" + wrong + "' is not the answer " + answer);
            assertTrue(verdict.formatValid(), "'" + wrong + "' is well-formed");
            assertTrue(verdict.feedback().contains(answer), "feedback names the expected answer");
        }
    }

    @Property(tries = 200)
    void brokenAnswerTagsAreFormatFailures(@ForAll long seed) {
        Task task = task(seed);
        String answer = task.answer();
        for (String broken : new String[] {answer, AnswerTags.OPEN + answer, answer + AnswerTags.CLOSE,
                AnswerTags.wrap(answer) + answer, AnswerTags.wrap(answer) + AnswerTags.wrap(answer),
                AnswerTags.OPEN + AnswerTags.CLOSE, ""}) {
            Verdict verdict = domain().verify(task, broken);
            assertFalse(verdict.formatValid(), "'" + broken + "' is malformed");
            assertFalse(verdict.correct(), "'" + broken + "' is not correct");
        }
    }

    @Property(tries = 300)
    void everyTextStaysWithinTheAlphabet(@ForAll long seed) {
        Task task = task(seed);
        String alphabet = domain().alphabet();
        for (String text : new String[] {task.question(), task.answer(), task.shortReasoning(), task.longReasoning()}) {
            assertFalse(text.contains(AnswerTags.OPEN) || text.contains(AnswerTags.CLOSE), "no answer tag inside " + text);
            text.chars().forEach(c -> assertTrue(alphabet.indexOf(c) >= 0,
                    "'" + (char) c + "' of \"" + text + "\" is missing from the alphabet \"" + alphabet + "\""));
        }
    }

    @Property(tries = 1)
    void idAndFamilyAreLowercaseNames() {
        assertTrue(domain().id().matches("[a-z][a-z0-9-]*"), "id '" + domain().id() + "'");
        assertTrue(domain().family().matches("[a-z][a-z0-9-]*"), "family '" + domain().family() + "'");
    }
}
