package org.cpt4j.plugins.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.reward.WeightedReward;
import org.junit.jupiter.api.Test;

class RewardsTest {

    private static final Task TASK = new Task("add", "3+4", "7", "c0;", "3+4=7;");

    @Test
    void verifierRewardsScoreCorrectnessAndFormatSeparately() {
        Verdict wrong = Verdict.exactMatch(TASK, "<a>8</a>");
        Verdict broken = Verdict.exactMatch(TASK, "7");
        Verdict right = Verdict.exactMatch(TASK, "<a>7</a>");
        assertEquals(List.of(0.0, 0.0, 1.0), List.of(Rewards.correctness().score(TASK, "", wrong, 4),
                Rewards.correctness().score(TASK, "", broken, 2), Rewards.correctness().score(TASK, "", right, 4)));
        assertEquals(List.of(1.0, 0.0, 1.0), List.of(Rewards.format().score(TASK, "", wrong, 4),
                Rewards.format().score(TASK, "", broken, 2), Rewards.format().score(TASK, "", right, 4)));
    }

    @Test
    void theLengthPenaltyStartsBeyondTheBudget() {
        assertEquals(0.0, Rewards.lengthPenalty(8).score(TASK, "", Verdict.exactMatch(TASK, ""), 8));
        assertEquals(-0.5, Rewards.lengthPenalty(8).score(TASK, "", Verdict.exactMatch(TASK, ""), 12));
        assertThrows(IllegalArgumentException.class, () -> Rewards.lengthPenalty(0));
    }

    @Test
    void aWeightedSumReportsEveryComponent() {
        WeightedReward reward = new WeightedReward(List.of(
                new WeightedReward.Component("correct", 1.0, Rewards.correctness()),
                new WeightedReward.Component("format", 0.2, Rewards.format()),
                new WeightedReward.Component("length", 0.5, Rewards.lengthPenalty(4))));
        WeightedReward.Score score = reward.score(TASK, "<a>8</a>", Verdict.exactMatch(TASK, "<a>8</a>"), 6);
        assertEquals(0.2 - 0.25, score.total(), 1e-12);
        assertEquals(Map.of("correct", 0.0, "format", 1.0, "length", -0.5), score.components());
    }

    @Test
    void componentNamesAreUniqueAndScoresNotInfinite() {
        assertThrows(IllegalArgumentException.class, () -> new WeightedReward(List.of(
                new WeightedReward.Component("a", 1, Rewards.format()), new WeightedReward.Component("a", 1, Rewards.format()))));
        WeightedReward broken = new WeightedReward(List.of(
                new WeightedReward.Component("inf", 1, (task, response, verdict, tokens) -> Double.POSITIVE_INFINITY)));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> broken.score(TASK, "", Verdict.exactMatch(TASK, ""), 1));
        assertEquals("reward component 'inf' returned Infinity for task 3+4; a response it cannot score gets "
                + "RewardModel.UNSCORABLE", error.getMessage());
    }

    /**
     * TRL {@code grpo_trainer.py} (f2cd577) 1662-1664 and 2676-2684: a reward function's {@code None} is NaN, the
     * weighted sum is a {@code nansum}, and a row every function left unscored is NaN (unscorable).
     */
    @Test
    void unscorableComponentsAreLeftOutOfTheSumAndAResponseNoneScoredIsUnscorable() {
        RewardModel unscorable = (task, response, verdict, tokens) -> RewardModel.UNSCORABLE;
        WeightedReward partly = new WeightedReward(List.of(new WeightedReward.Component("judge", 2.0, unscorable),
                new WeightedReward.Component("format", 0.5, Rewards.format())));
        WeightedReward.Score score = partly.score(TASK, "<a>8</a>", Verdict.exactMatch(TASK, "<a>8</a>"), 6);
        assertEquals(0.5, score.total(), 1e-15);
        assertTrue(score.scorable());
        assertTrue(Double.isNaN(score.components().get("judge")), "the component's own score is reported as NaN");

        WeightedReward none = new WeightedReward(List.of(new WeightedReward.Component("judge", 1.0, unscorable)));
        WeightedReward.Score nothing = none.score(TASK, "<a>8</a>", Verdict.exactMatch(TASK, "<a>8</a>"), 6);
        assertFalse(nothing.scorable());
        assertTrue(Double.isNaN(nothing.total()));
    }
}
