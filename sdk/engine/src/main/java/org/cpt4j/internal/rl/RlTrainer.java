package org.cpt4j.internal.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.model.TrainingStep;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.runtime.Seeds;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.teacher.TeacherSchedule;
import org.cpt4j.text.Tokenizer;

/**
 * The on-policy loop for one policy: sample groups of responses, score them, let the objective choose teacher
 * contexts and prepare its inputs, score with the reference and the teacher where asked, take the objective's
 * optimizer steps, update the teacher. It knows no objective by name.
 *
 * <p>Step {@code s} draws its tasks and its sampling seed from (seed, s) only, so a resumed run repeats exactly.
 */
public final class RlTrainer {

    /** Rewards at least this count as a success in {@link StepMetrics#successGroupFraction()}. */
    static final double SUCCESS = 0.5;

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

    public RlTrainer(TransformerPolicy policy, PromptFormat format, Objective objective, TeacherSchedule schedule,
                     WeightedReward reward, Settings settings) {
        this.policy = policy;
        this.format = format;
        this.objective = objective;
        this.schedule = schedule;
        this.reward = reward;
        this.settings = settings;
        this.sampler = new Sampler(policy.model(), policy.parameters());
        this.teacher = new TeacherWeights(policy.model(), policy.parameters());
        schedule.start(teacher);
    }

    /** @return the teacher's own weights (live; a checkpoint stores them) */
    public Parameters teacherWeights() {
        return teacher.weights();
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

    /** Tells the teacher schedule that stage {@code stage} (0-based) begins. */
    public void startStage(int stage) {
        schedule.stageStarted(teacher, stage);
    }

    /** One step on {@code domain}. */
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
        List<Generation> generations = sampler.sample(prompts, settings.groupSize(), settings.sampling(), random.nextLong());
        long sampled = System.nanoTime();

        int rows = generations.size();
        List<Rollouts.Rollout> rollouts = new ArrayList<>(rows);
        List<WeightedReward.Score> scores = new ArrayList<>(rows);
        int[][] sequences = new int[rows][];
        int longest = 0;
        for (int i = 0; i < rows; i++) {
            Generation generation = generations.get(i);
            Task task = tasks.get(generation.prompt());
            String text = format.responseText(generation.tokens());
            Verdict verdict = domain.verify(task, text);
            WeightedReward.Score score = reward.score(task, text, verdict, generation.length());
            scores.add(score);
            rollouts.add(new Rollouts.Rollout(generation.prompt(), task, text, verdict, score.total(), generation.length()));
            sequences[i] = PromptFormat.join(prompts.get(generation.prompt()), generation.tokens());
            longest = Math.max(longest, sequences[i].length);
        }
        int length = longest - 1;
        int[][] inputs = new int[rows][length];
        int[][] targets = new int[rows][length];
        double[][] mask = new double[rows][length];
        double[][] old = new double[rows][length];
        double entropySum = 0;
        for (int i = 0; i < rows; i++) {
            int start = prompts.get(generations.get(i).prompt()).length - 1;
            for (int t = 0; t < length; t++) {
                inputs[i][t] = t < sequences[i].length ? sequences[i][t] : Tokenizer.PAD;
                targets[i][t] = t + 1 < sequences[i].length ? sequences[i][t + 1] : Tokenizer.PAD;
                if (t >= start && t + 1 < sequences[i].length) {
                    mask[i][t] = 1;
                    old[i][t] = generations.get(i).logProbs()[t - start];
                    entropySum += generations.get(i).entropies()[t - start];
                }
            }
        }
        double responseTokens = Arrays.stream(mask).flatMapToDouble(Arrays::stream).sum();

        Rollouts view = new Rollouts(rollouts, settings.groupSize(), mask, List.of(), null, random.nextLong());
        List<Optional<String>> contexts = fitting(objective.teacherContexts(view), tasks, generations);
        Set<String> required = objective.requiredInputs();
        double[][][] studentLogProbs = required.contains(StandardInputs.STUDENT_LOG_PROBS)
                ? alignedToTargets(teacher.policyLogProbs(inputs), length) : null;
        Rollouts withContexts = new Rollouts(rollouts, settings.groupSize(), mask, contexts, studentLogProbs, view.seed());

        ObjectiveBatch.Builder batch = ObjectiveBatch.builder(targets, mask).perToken(StandardInputs.OLD_LOG_PROBS, old);
        double[][][] referenceLogProbs = teacher.referenceLogProbs(inputs);
        double[][] reference = tokenLogProbs(referenceLogProbs, targets);
        double referenceKl = 0;
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < length; t++) {
                referenceKl += mask[i][t] * (old[i][t] - reference[i][t]);
            }
        }
        if (required.contains(StandardInputs.REFERENCE_LOG_PROBS)) {
            batch.perToken(StandardInputs.REFERENCE_LOG_PROBS, reference);
        }
        if (studentLogProbs != null) {
            batch.perTokenDistribution(StandardInputs.STUDENT_LOG_PROBS, studentLogProbs);
        }
        int feedback = 0;
        if (required.contains(StandardInputs.TEACHER_LOG_PROBS)) {
            feedback = addTeacherInputs(batch, withContexts, tasks, generations, prompts, targets, length);
        }
        objective.prepare(withContexts, batch);
        ObjectiveBatch built = batch.build();
        long scored = System.nanoTime();

        TrainingStep first = null;
        int skipped = 0;
        for (int epoch = 0; epoch < objective.epochs(); epoch++) {
            TrainingStep result = policy.train(objective, inputs, built);
            first = first == null ? result : first;
            skipped += result.skipped() ? 1 : 0;
        }
        long trained = System.nanoTime();
        schedule.afterStep(teacher, step, skipped < objective.epochs());

        return metrics(step, rollouts, scores, first, skipped, generations, entropySum / Math.max(responseTokens, 1),
                referenceKl / Math.max(responseTokens, 1), contexts, feedback,
                (sampled - started) / 1e6, (scored - sampled) / 1e6, (trained - scored) / 1e6);
    }

    /**
     * @return the objective's teacher contexts, less those whose teacher prompt and response would not fit the
     *     model's context: the teacher cannot score those rollouts, so they are not taught (not distilled toward a
     *     placeholder distribution)
     */
    private List<Optional<String>> fitting(List<Optional<String>> contexts, List<Task> tasks,
                                           List<Generation> generations) {
        List<Optional<String>> kept = new ArrayList<>(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            Generation generation = generations.get(i);
            kept.add(contexts.get(i).filter(context -> format.teacherPrompt(tasks.get(generation.prompt()), context).length
                    + generation.length() <= policy.model().context()));
        }
        return kept;
    }

    /**
     * Scores each taught rollout's response under the teacher, reading its teacher prompt; rows without a
     * context get a uniform distribution (no objective reads it: they are not taught).
     *
     * @return how many rollouts were taught from the verifier's feedback
     */
    private int addTeacherInputs(ObjectiveBatch.Builder batch, Rollouts rollouts, List<Task> tasks,
                                 List<Generation> generations, List<int[]> prompts, int[][] targets, int length) {
        int rows = generations.size();
        int vocabulary = policy.model().vocabulary();
        double[] uniform = new double[vocabulary];
        Arrays.fill(uniform, -Math.log(vocabulary));
        double[][][] teacherLogProbs = new double[rows][length][];
        double[][] teacherToken = new double[rows][length];
        List<Integer> taught = new ArrayList<>();
        List<int[]> teacherSequences = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < length; t++) {
                teacherLogProbs[i][t] = uniform;
            }
            Optional<String> context = rollouts.teacherContext(i);
            if (context.isPresent()) {
                int[] teacherPrompt = format.teacherPrompt(tasks.get(generations.get(i).prompt()), context.get());
                taught.add(i);
                teacherSequences.add(PromptFormat.join(teacherPrompt, generations.get(i).tokens()));
            }
        }
        double[][][] scored = teacher.logProbs(teacherSequences.toArray(int[][]::new));
        int feedback = 0;
        for (int k = 0; k < taught.size(); k++) {
            int i = taught.get(k);
            Generation generation = generations.get(i);
            int studentStart = prompts.get(generation.prompt()).length - 1;
            int teacherStart = teacherSequences.get(k).length - generation.length() - 1;
            for (int j = 0; j < generation.length(); j++) {
                teacherLogProbs[i][studentStart + j] = scored[k][teacherStart + j];
            }
            feedback += rollouts.teacherContext(i).orElseThrow().equals(rollouts.rollouts().get(i).verdict().feedback()) ? 1 : 0;
        }
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < length; t++) {
                teacherToken[i][t] = teacherLogProbs[i][t][targets[i][t]];
            }
        }
        batch.perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS, teacherLogProbs)
                .perToken(StandardInputs.TEACHER_TOKEN_LOG_PROBS, teacherToken);
        return feedback;
    }

    /** @return position {@code t}'s distribution for {@code t < length} (the scorer returns one per input token) */
    private static double[][][] alignedToTargets(double[][][] logProbs, int length) {
        double[][][] out = new double[logProbs.length][][];
        for (int i = 0; i < logProbs.length; i++) {
            out[i] = Arrays.copyOf(logProbs[i], length);
        }
        return out;
    }

    private static double[][] tokenLogProbs(double[][][] logProbs, int[][] targets) {
        double[][] out = new double[targets.length][targets[0].length];
        for (int i = 0; i < targets.length; i++) {
            for (int t = 0; t < targets[i].length; t++) {
                out[i][t] = logProbs[i][t][targets[i][t]];
            }
        }
        return out;
    }

    private StepMetrics metrics(long step, List<Rollouts.Rollout> rollouts, List<WeightedReward.Score> scores,
                                TrainingStep first, int skipped, List<Generation> generations, double entropy,
                                double referenceKl, List<Optional<String>> contexts, int feedback, double samplingMs,
                                double scoringMs, double trainingMs) {
        int n = rollouts.size();
        double mean = rollouts.stream().mapToDouble(Rollouts.Rollout::reward).average().orElse(0);
        double variance = rollouts.stream().mapToDouble(r -> (r.reward() - mean) * (r.reward() - mean)).average().orElse(0);
        Map<String, Double> components = new LinkedHashMap<>();
        for (WeightedReward.Component component : reward.components()) {
            components.put(component.name(), scores.stream().mapToDouble(s -> s.components().get(component.name()))
                    .average().orElse(0));
        }
        int groups = n / settings.groupSize();
        int successGroups = 0;
        for (int g = 0; g < groups; g++) {
            boolean success = false;
            for (int i = g * settings.groupSize(); i < (g + 1) * settings.groupSize(); i++) {
                success |= rollouts.get(i).reward() >= SUCCESS;
            }
            successGroups += success ? 1 : 0;
        }
        long reprompted = contexts.stream().filter(Optional::isPresent).count();
        return new StepMetrics(step, mean, Math.sqrt(variance), components,
                rollouts.stream().filter(r -> r.verdict().correct()).count() / (double) n,
                rollouts.stream().filter(r -> r.verdict().formatValid()).count() / (double) n,
                first.loss(), first.diagnostics(), entropy, referenceKl, first.gradientNorm(), skipped,
                generations.stream().mapToInt(Generation::length).average().orElse(0),
                generations.stream().filter(g -> !g.finished()).count() / (double) n,
                generations.stream().filter(g -> Repetition.loops(g.tokens())).count() / (double) n,
                successGroups / (double) Math.max(groups, 1), reprompted / (double) n, feedback / (double) n,
                samplingMs, scoringMs, trainingMs);
    }
}
