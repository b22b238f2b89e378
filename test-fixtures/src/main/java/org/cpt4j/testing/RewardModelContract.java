package org.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.cpt4j.domain.AnswerTags;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.reward.RewardModel;

/**
 * The laws every {@link RewardModel} obeys: deterministic, finite on any response (the empty one included),
 * and never better for a malformed response than for the correct one unless it ignores correctness.
 */
public abstract class RewardModelContract {

    /** The task every law scores responses to. */
    protected static final Task TASK = new Task("fixture", "12+30", "42", "c00;", "2+0=2;1+3=4;");

    /** @return the reward model under test */
    protected abstract RewardModel rewardModel();

    private double score(String response, int tokens) {
        return rewardModel().score(TASK, response, Verdict.exactMatch(TASK, response), tokens);
    }

    @Property(tries = 200)
    void scoresAreDeterministicAndFinite(@ForAll @StringLength(max = 40) String response,
                                         @ForAll @IntRange(min = 0, max = 256) int tokens) {
        double first = score(response, tokens);
        assertTrue(Double.isFinite(first), "score " + first + " for \"" + response + "\"");
        assertEquals(first, score(response, tokens), 0.0);
    }

    @Property(tries = 1)
    void theEmptyResponseGetsAFiniteScore() {
        assertTrue(Double.isFinite(score("", 1)));
        assertTrue(Double.isFinite(score("", 0)));
    }

    @Property(tries = 1)
    void theCorrectResponseScoresAtLeastAsHighAsAMalformedOne() {
        String correct = AnswerTags.wrap(TASK.answer());
        assertTrue(score(correct, 4) >= score(TASK.answer(), 3), "correct vs the bare answer");
    }
}
