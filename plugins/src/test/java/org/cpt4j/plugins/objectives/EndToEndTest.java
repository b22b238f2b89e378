package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.model.PolicyState;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.pretrain.Pretrainer;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.objective.Objective;
import org.cpt4j.plugins.domains.Domains;
import org.cpt4j.plugins.rewards.Rewards;
import org.cpt4j.plugins.teachers.TeacherSchedules;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.text.Tokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From a tiny pretrained base (2x32, 1500 steps on {@code count}: student 41.5%, teacher 100% with the worked
 * solution as context), GRPO and SDPO each raise the expected reward on held-out tasks within 60 seeded steps
 * of 8 tasks x 8 samples. Measured when written: GRPO 0.289 -> 0.42 (it sharpens the policy: entropy 0.34 ->
 * 0.04), SDPO 0.289 -> 0.36.
 */
class EndToEndTest {

    private static final Domain DOMAIN = Domains.count();
    private static final int STEPS = 60;
    private static final double LEARNING_RATE = 3e-3;
    private static PromptFormat format;
    private static PolicyState base;

    @BeforeAll
    static void pretrainATinyBase() {
        format = new PromptFormat(Tokenizer.forDomains(Domains.builtIns()));
        PretrainSpec spec = PretrainSpec.of(p -> p.mix("count").steps(1500)
                .batchSize(32).model(m -> m.layers(2).width(32).heads(2).context(48)));
        Pretrainer pretrainer = new Pretrainer(spec, List.of(DOMAIN), format);
        TransformerPolicy policy = pretrainer.initialPolicy();
        pretrainer.train(policy, 0, spec.steps(), (step, total, result) -> { });
        base = policy.state();
    }

    /** @return the mean reward of 4 samples (temperature 1) on each of 200 held-out tasks: the expected reward */
    private static double expectedReward(TransformerPolicy policy) {
        List<Task> tasks = Evaluator.heldOutTasks(DOMAIN, 200, 1);
        List<Generation> generations = new Sampler(policy.model(), policy.parameters()).sample(
                tasks.stream().map(format::studentPrompt).toList(), 4, SamplingConfig.of(s -> s.maxNewTokens(12)), 99);
        return generations.stream().mapToDouble(g -> DOMAIN.verify(tasks.get(g.prompt()),
                format.responseText(g.tokens())).correct() ? 1 : 0).average().orElse(0);
    }

    private static double[] run(Objective objective, TeacherSchedule teacher) {
        TransformerPolicy policy = TransformerPolicy.startingFrom(TransformerPolicy.fromState(base),
                OptimizerConfig.of(o -> o.learningRate(LEARNING_RATE)));
        double before = expectedReward(policy);
        RlTrainer trainer = new RlTrainer(policy, format, objective, teacher, Rewards.verifiable(),
                new RlTrainer.Settings(8, 8, SamplingConfig.of(s -> s.maxNewTokens(12)), 3));
        StepMetrics first = trainer.step(DOMAIN, 0);
        StepMetrics last = first;
        for (int step = 1; step < STEPS; step++) {
            last = trainer.step(DOMAIN, step);
        }
        assertTrue(first.successGroupFraction() > 0 && first.rewardStd() > 0, "the base has something to learn from");
        assertTrue(Double.isFinite(last.loss()) && last.skippedUpdates() == 0);
        double after = expectedReward(policy);
        System.out.printf("%s: expected reward %.3f -> %.3f; last step %s%n", objective.id(), before, after, last);
        return new double[] {before, after, first.reprompted(), first.entropy(), last.entropy()};
    }

    @Test
    void grpoRaisesTheExpectedReward() {
        double[] result = run(new GrpoObjective(GrpoConfig.of(g -> { })), TeacherSchedules.frozen());
        assertTrue(result[1] > result[0] + 0.05, "GRPO expected reward " + result[0] + " -> " + result[1]);
        assertEquals(0.0, result[2], "GRPO has no teacher");
        assertTrue(result[4] < result[3], "GRPO sharpens the policy");
    }

    @Test
    void sdpoRaisesTheExpectedReward() {
        double[] result = run(new SdpoObjective(SdpoConfig.of(s -> { })),
                TeacherSchedules.frozen());
        assertTrue(result[1] > result[0] + 0.05, "SDPO expected reward " + result[0] + " -> " + result[1]);
        assertEquals(1.0, result[2], "every rollout has a successful sibling or the verifier's feedback");
    }
}
