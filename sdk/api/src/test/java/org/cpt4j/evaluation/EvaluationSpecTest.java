package org.cpt4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problem;
import org.junit.jupiter.api.Test;

class EvaluationSpecTest {

    private static List<Integer> due(EvaluationSpec spec, int stageSteps) {
        return IntStream.rangeClosed(1, stageSteps).filter(n -> spec.dueAfter(n, stageSteps)).boxed().toList();
    }

    @Test
    void evaluationsAreDueEveryNStepsAndAtTheStagesEnd() {
        assertEquals(List.of(5), due(EvaluationSpec.of(e -> { }), 5), "stage ends only by default");
        assertEquals(List.of(2, 4, 5), due(EvaluationSpec.of(e -> e.everySteps(2)), 5));
        assertEquals(List.of(3, 6), due(EvaluationSpec.of(e -> e.everySteps(3)), 6), "the end once, not twice");
        assertEquals(List.of(4), due(EvaluationSpec.of(e -> e.everySteps(10)), 4));
    }

    @Test
    void defaultsAndProblems() {
        EvaluationSpec spec = EvaluationSpec.of(e -> { });
        assertEquals(new EvaluationSpec(0, 100, 48, EvaluationSampling.greedy(), 1), spec);
        assertTrue(spec.sampling().decodesGreedily());
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> EvaluationSpec.of(e -> e.everySteps(-1).prompts(0).maxNewTokens(0)));
        assertEquals(List.of("evaluation.everySteps", "evaluation.prompts", "evaluation.maxNewTokens"),
                error.problems().stream().map(Problem::path).toList());
        InvalidSpecException sampling = assertThrows(InvalidSpecException.class, () -> EvaluationSampling.passAtK(4, 0));
        assertTrue(sampling.getMessage().contains("must be positive when several samples are drawn"), sampling.getMessage());
    }
}
