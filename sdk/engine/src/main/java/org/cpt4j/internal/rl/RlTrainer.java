package org.cpt4j.internal.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.model.TrainingStep;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.runtime.Seeds;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.teacher.TeacherSchedule;
import org.jspecify.annotations.Nullable;

/**
 * The on-policy loop for one policy: sample groups of responses, score them, let the objective choose teacher
 * contexts and prepare its inputs, score with the reference and the teacher where asked, take the objective's
 * optimizer steps, update the teacher. It knows no objective by name.
 *
 * <p>Step {@code s} draws its tasks and its sampling seed from (seed, s) only, so a resumed run repeats exactly.
 */
public final class RlTrainer {

    /**
     * @param promptsPerStep tasks per step
     * @param groupSize responses sampled per task
     * @param sampling how responses are sampled
     * @param seed seed of tasks and sampling
     */
    public record Settings(int promptsPerStep, int groupSize, SamplingConfig sampling, long seed) {

        public Settings {
            if (promptsPerStep < 1 || groupSize < 1) {
                throw new IllegalArgumentException("promptsPerStep and groupSize must be at least 1, were "
                        + promptsPerStep + " and " + groupSize);
            }
        }
    }

    private final TransformerPolicy policy;
    private final PromptFormat format;
    private final Objective objective;
    private TeacherSchedule schedule;
    private final WeightedReward reward;
    private final Settings settings;
    private final Sampler sampler;
    private final TeacherWeights teacher;
    private final ObjectiveInputs inputs;
    private @Nullable Rollouts lastRollouts;

    public RlTrainer(TransformerPolicy policy, PromptFormat format, Objective objective, TeacherSchedule schedule,
                     WeightedReward reward, Settings settings, Kernels kernels) {
        this.policy = policy;
        this.format = format;
        this.objective = objective;
        this.schedule = schedule;
        this.reward = reward;
        this.settings = settings;
        this.sampler = kernels.sampler(policy.model(), policy.parameters());
        this.teacher = new TeacherWeights(policy.model(), policy.parameters(), kernels);
        this.inputs = new ObjectiveInputs(objective, policy, teacher, format, settings.groupSize());
        schedule.start(teacher);
    }

    /** @return the seed of the trainer's random streams (each step's is derived from it and the step) */
    public long seed() {
        return settings.seed();
    }

    /** @return the teacher's own weights (live; a checkpoint stores them) */
    public Parameters teacherWeights() {
        return teacher.weights();
    }

    /**
     * @return the weights to sample the teacher from, when the objective distils from one and its logits come from
     *     one model (its own weights or the live policy's); empty otherwise
     */
    public Optional<Parameters> teacherSamplingWeights() {
        boolean distils = objective.requiredInputs().contains(StandardInputs.TEACHER_LOG_PROBS)
                || objective.requiredInputs().contains(StandardInputs.TEACHER_TOKEN_LOG_PROBS);
        return distils ? teacher.sampledWeights() : Optional.empty();
    }

    /** @return where the teacher reads its logits from (a checkpoint stores it) */
    public TeacherMode teacherMode() {
        return teacher.mode();
    }

    /**
     * Puts back a checkpoint's teacher. Built-in schedules keep no state of their own, so the teacher's weights
     * and mode are all of it; the trainer's random streams are functions of (seed, step).
     */
    public void restoreTeacher(Parameters weights, TeacherMode mode) {
        teacher.restore(weights, mode);
    }

    /**
     * Hands the teacher to {@code replacement} for the rest of the run (a collapse rule's change): the teacher keeps
     * its weights and mode, and from the next step on the replacement decides how they move.
     */
    public void replaceSchedule(TeacherSchedule replacement) {
        schedule = replacement;
    }

    /**
     * @return the rollouts of the last {@link #step}, judged and rewarded, with the teacher's contexts where the
     *     objective asked for them
     * @throws IllegalStateException before the first step
     */
    public Rollouts lastRollouts() {
        if (lastRollouts == null) {
            throw new IllegalStateException("no step has been taken yet");
        }
        return lastRollouts;
    }

    /** Tells the teacher schedule that stage {@code stage} (0-based) begins. */
    public void startStage(int stage) {
        schedule.stageStarted(teacher, stage);
    }

    /**
     * One step on {@code domain}: sample the groups ({@link Sampler}), judge and lay them out
     * ({@link RolloutBatch}), prepare the objective's inputs ({@link ObjectiveInputs}), take its optimizer steps,
     * move the teacher, and collect what was measured ({@link StepMetricsCollector}).
     */
    public StepMetrics step(Domain domain, long step) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(settings.seed(), step));
        List<Task> tasks = new ArrayList<>();
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < settings.promptsPerStep(); i++) {
            Task task = domain.task(random);
            tasks.add(task);
            prompts.add(format.studentPrompt(task));
        }
        long started = System.nanoTime();
        // the sampling seed, then the objective's: the order of the draws is part of what a seed means
        List<Generation> generations = sampler.sample(prompts, settings.groupSize(), settings.sampling(), random.nextLong());
        long sampled = System.nanoTime();
        RolloutBatch batch = RolloutBatch.assemble(tasks, prompts, generations, domain, reward, format);
        ObjectiveInputs.Prepared prepared = inputs.prepare(batch, random.nextLong());
        lastRollouts = prepared.rollouts();
        long scored = System.nanoTime();

        TrainingStep first = null;
        int skipped = 0;
        for (int epoch = 0; epoch < objective.epochs(); epoch++) {
            TrainingStep result = policy.train(objective, batch.inputs(), prepared.batch());
            first = first == null ? result : first;
            skipped += result.skipped() ? 1 : 0;
        }
        long trained = System.nanoTime();
        schedule.afterStep(teacher, step, skipped < objective.epochs());
        return StepMetricsCollector.collect(step, batch, prepared, first, skipped, reward.components(),
                objective.stepDiagnostics(prepared.rollouts()), new StepMetricsCollector.Timings(
                        (sampled - started) / 1e6, (scored - sampled) / 1e6, (trained - scored) / 1e6));
    }
}
