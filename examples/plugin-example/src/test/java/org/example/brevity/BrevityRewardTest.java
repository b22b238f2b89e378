package org.example.brevity;

import org.cpt4j.reward.RewardModel;
import org.cpt4j.testing.RewardModelContract;

class BrevityRewardTest extends RewardModelContract {

    @Override
    protected RewardModel rewardModel() {
        return BrevityPlugin.brevity(new Budget(8));
    }
}
