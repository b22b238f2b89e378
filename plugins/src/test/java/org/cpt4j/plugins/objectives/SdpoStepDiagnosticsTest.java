package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.objective.Rollouts;
import org.junit.jupiter.api.Test;

class SdpoStepDiagnosticsTest {

    private static final Task TASK = new Task("add", "3+4", "7", "c0;", "3+4=7;");

    @Test
    void theSharesOfTaughtRolloutsOfFeedbackAndOfSuccessfulGroups() {
        // groups of two: (0.6 success, 0) taught by a sibling and by feedback; (0.4, 0.2) below the threshold 0.5:
        // one taught by feedback, one not at all
        double[] rewards = {0.6, 0, 0.4, 0.2};
        List<Rollouts.Rollout> all = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            all.add(new Rollouts.Rollout(i / 2, TASK, "r" + i, new Verdict(false, true, "wrong:7"), rewards[i], 3));
        }
        List<Optional<String>> contexts = List.of(Optional.of("r1"), Optional.of("wrong:7"), Optional.of("wrong:7"),
                Optional.empty());
        Rollouts rollouts = new Rollouts(all, 2, new double[4][3], contexts, null, 1, java.util.Map.of());
        assertEquals(Map.of("teacher_context_fraction", 0.75, "feedback_context_fraction", 0.5,
                "success_group_fraction", 0.5), new SdpoObjective(SdpoConfig.of(s -> { })).stepDiagnostics(rollouts));
    }
}
