package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;
import org.junit.jupiter.api.Test;

class SdpoTeacherContextTest {

    private static final Task TASK = new Task("add", "3+4", "7", "c0;", "3+4=7;");

    /** Two groups of three: rewards 1, 0, 1 and 0, 0, 1 with distinct responses. */
    private static Rollouts rollouts(List<Optional<String>> contexts) {
        double[] rewards = {1, 0, 1, 0, 0, 1};
        List<Rollouts.Rollout> all = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            String response = "<a>" + (rewards[i] == 1 ? "7" : "8") + "</a>" + ";".repeat(i);
            all.add(new Rollouts.Rollout(i / 3, TASK, response, Verdict.exactMatch(TASK, response), rewards[i], 4));
        }
        return new Rollouts(all, 3, new double[6][4], contexts, null, 5, java.util.Map.of());
    }

    @Test
    void theFirstSuccessfulSiblingOtherThanItselfElseFeedback() {
        SdpoObjective sdpo = new SdpoObjective(SdpoConfig.of(s -> { }));
        List<Optional<String>> contexts = sdpo.teacherContexts(rollouts(List.of()));
        assertEquals(List.of(Optional.of("<a>7</a>;;"), Optional.of("<a>7</a>"), Optional.of("<a>7</a>"),
                Optional.of("<a>7</a>;;;;;"), Optional.of("<a>7</a>;;;;;"), Optional.of("malformed:7")), contexts,
                "rollout 5 is the only success of its group, so it gets its own verdict's feedback");
    }

    @Test
    void withoutFeedbackARolloutWithNoOtherSuccessGetsNoTeacher() {
        SdpoObjective sdpo = new SdpoObjective(SdpoConfig.of(s -> s.useFeedback(false)));
        assertEquals(Optional.empty(), sdpo.teacherContexts(rollouts(List.of())).get(5));
    }

    @Test
    void theDistillationMaskCoversTaughtRolloutsMinusDroppedTokens() {
        SdpoObjective sdpo = new SdpoObjective(SdpoConfig.of(s -> s.maskRatio(0.5)));
        List<Optional<String>> contexts = new ArrayList<>(List.of(Optional.of("x"), Optional.empty(), Optional.of("x"),
                Optional.of("x"), Optional.of("x"), Optional.of("x")));
        // responses start at position 5 and end before the padding, at a different length per rollout
        double[][] mask = new double[6][40];
        for (int b = 0; b < mask.length; b++) {
            java.util.Arrays.fill(mask[b], 5, 20 + 3 * b, 1);
        }
        Rollouts withMask = new Rollouts(rollouts(List.of()).rollouts(), 3, mask, contexts, null, 5, java.util.Map.of());
        ObjectiveBatch.Builder builder = ObjectiveBatch.builder(new int[6][40], mask);
        sdpo.prepare(withMask, builder);
        double[][] distilled = builder.build().perToken(StandardInputs.DISTILLATION_MASK);
        assertEquals(0.0, java.util.Arrays.stream(distilled[1]).sum(), "no teacher, no distillation");
        double responseTokens = 0;
        for (int b = 0; b < mask.length; b++) {
            for (int t = 0; t < mask[b].length; t++) {
                assertTrue(distilled[b][t] == 0 || mask[b][t] == 1, "row " + b + " position " + t
                        + ": only response tokens are distilled");
                responseTokens += b == 1 ? 0 : mask[b][t];
            }
        }
        double kept = java.util.Arrays.stream(distilled).flatMapToDouble(java.util.Arrays::stream).sum() / responseTokens;
        assertEquals(0.5, kept, 0.1, "about half the response tokens of taught rollouts are dropped");
    }
}
