package org.cpt4j.plugins.rewards;

import org.cpt4j.reward.RewardModel;
import org.cpt4j.testing.RewardModelContract;

class FormatRewardTest extends RewardModelContract {

    @Override
    protected RewardModel rewardModel() {
        return Rewards.format();
    }
}
