package org.cpt4j.plugins.rewards;

import org.cpt4j.reward.RewardModel;
import org.cpt4j.testing.RewardModelContract;

class LengthPenaltyRewardTest extends RewardModelContract {

    @Override
    protected RewardModel rewardModel() {
        return Rewards.lengthPenalty(8);
    }
}
