package org.cpt4j.internal.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.plugins.rewards.Rewards;
import org.cpt4j.plugins.teachers.TeacherSchedules;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.sampling.SamplingConfig;
import org.junit.jupiter.api.Test;
import org.cpt4j.plugins.objectives.SdpoConfig;
import org.cpt4j.plugins.objectives.SdpoObjective;

/**
 * A rollout whose teacher prompt would not fit the model's context is not distilled: scoring it is impossible, and
 * distilling it toward a placeholder distribution would teach the student nothing true.
 */
class SdpoTeacherOverflowTest {

    @Test
    void aTeacherPromptThatDoesNotFitTheContextGetsNoDistillation() {
        // context 16: a student prompt (<bos> 3 digits <sep>) and 10 new tokens fit; an untrained policy fails every
        // task, so every teacher context is the verifier's feedback ("malformed:418" or "wrong:418"), and
        // <bos> question <sep> feedback <sep> response exceeds 16 tokens
        ModelConfig model = ModelConfig.of(m -> m.layers(1).width(16).heads(2).context(16)
                .vocabulary(EndToEndBase.FORMAT.tokenizer().vocabularySize()));
        TransformerPolicy policy = TransformerPolicy.create(model, OptimizerConfig.of(o -> o.learningRate(1e-3)), 5);
        RlTrainer trainer = new RlTrainer(policy, EndToEndBase.FORMAT, new SdpoObjective(SdpoConfig.of(s -> { })),
                TeacherSchedules.frozen(), Rewards.verifiable(),
                new RlTrainer.Settings(4, 4, SamplingConfig.of(s -> s.maxNewTokens(10)), 1), Kernels.TRANSFORMER);
        StepMetrics metrics = trainer.step(EndToEndBase.DOMAIN, 0);
        assertEquals(0.0, metrics.accuracy(), "the untrained policy solves nothing, so only feedback could teach");
        assertEquals(0.0, metrics.diagnostics().get("distilled_tokens"), "no token is distilled toward an unscored teacher");
        assertEquals(0.0, metrics.diagnostics().get("teacher_context_fraction"), "and no rollout counts as taught");
        assertEquals(0.0, metrics.loss(), 0.0);
    }
}
