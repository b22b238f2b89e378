package org.cpt4j.internal.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;

/**
 * What an objective reads at one step, beyond the rollouts: its teacher contexts (less those the model's context
 * cannot hold), the reference's, the teacher's and the student's scores where it asks for them, and its own
 * inputs ({@link Objective#prepare}).
 */
final class ObjectiveInputs {

    /**
     * @param batch the objective's batch
     * @param rollouts the rollouts with the teacher contexts the objective gets (what {@code prepare} saw)
     * @param referenceKl mean {@code log π_old − log π_ref} over response tokens
     */
    record Prepared(ObjectiveBatch batch, Rollouts rollouts, double referenceKl) {
    }

    private final Objective objective;
    private final TransformerPolicy policy;
    private final TeacherWeights teacher;
    private final PromptFormat format;
    private final int context;
    private final int groupSize;
    private final int vocabulary;

    ObjectiveInputs(Objective objective, TransformerPolicy policy, TeacherWeights teacher, PromptFormat format,
                    int groupSize) {
        this.objective = objective;
        this.policy = policy;
        this.teacher = teacher;
        this.format = format;
        this.context = policy.model().context();
        this.vocabulary = policy.model().vocabulary();
        this.groupSize = groupSize;
    }

    /** @param seed the seed of the objective's own random choices at this step */
    Prepared prepare(RolloutBatch batch, long seed) {
        Rollouts view = new Rollouts(batch.rollouts(), groupSize, batch.mask(), List.of(), null, seed,
                batch.rewardWeights());
        List<Optional<String>> contexts = fitting(objective.teacherContexts(view), batch);
        Set<String> required = objective.requiredInputs();
        double[][][] studentLogProbs = required.contains(StandardInputs.STUDENT_LOG_PROBS)
                ? alignedToTargets(teacher.policyLogProbs(batch.inputs()), batch.length()) : null;
        Rollouts rollouts = new Rollouts(batch.rollouts(), groupSize, batch.mask(), contexts, studentLogProbs, seed,
                batch.rewardWeights());

        ObjectiveBatch.Builder inputs = ObjectiveBatch.builder(batch.targets(), batch.mask());
        if (required.contains(StandardInputs.ROLLOUT_LOG_PROBS)) {
            inputs.perToken(StandardInputs.ROLLOUT_LOG_PROBS, batch.old())
                    .perToken(StandardInputs.OLD_LOG_PROBS, trainingLogProbs(batch));
        } else {
            inputs.perToken(StandardInputs.OLD_LOG_PROBS, batch.old());
        }
        double[][] reference = tokenLogProbs(teacher.referenceLogProbs(batch.inputs()), batch.targets());
        double referenceKl = 0;
        for (int i = 0; i < batch.rows(); i++) {
            for (int t = 0; t < batch.length(); t++) {
                referenceKl += batch.mask()[i][t] * (batch.old()[i][t] - reference[i][t]);
            }
        }
        if (required.contains(StandardInputs.REFERENCE_LOG_PROBS)) {
            inputs.perToken(StandardInputs.REFERENCE_LOG_PROBS, reference);
        }
        if (studentLogProbs != null) {
            inputs.perTokenDistribution(StandardInputs.STUDENT_LOG_PROBS, studentLogProbs);
        }
        if (required.contains(StandardInputs.TEACHER_LOG_PROBS)) {
            addTeacherInputs(inputs, rollouts, batch);
        }
        objective.prepare(rollouts, inputs);
        return new Prepared(inputs.build(), rollouts, referenceKl / Math.max(batch.responseTokens(), 1));
    }

    /** @return the policy's log-probability of each response token by the training graph's forward pass (0 elsewhere) */
    private double[][] trainingLogProbs(RolloutBatch batch) {
        float[][] mask = new float[batch.rows()][batch.length()];
        for (int i = 0; i < batch.rows(); i++) {
            for (int t = 0; t < batch.length(); t++) {
                mask[i][t] = (float) batch.mask()[i][t];
            }
        }
        float[][] scores = policy.score(new SequenceBatch(batch.inputs(), batch.targets(), mask)).logProbs();
        double[][] old = new double[batch.rows()][batch.length()];
        for (int i = 0; i < batch.rows(); i++) {
            for (int t = 0; t < batch.length(); t++) {
                old[i][t] = batch.mask()[i][t] == 0 ? 0 : scores[i][t];
            }
        }
        return old;
    }

    /**
     * @return the objective's teacher contexts, less those whose teacher prompt and response would not fit the
     *     model's context: the teacher cannot score those rollouts, so they are not taught (not distilled toward a
     *     placeholder distribution)
     */
    private List<Optional<String>> fitting(List<Optional<String>> contexts, RolloutBatch batch) {
        List<Optional<String>> kept = new ArrayList<>(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            Generation generation = batch.generations().get(i);
            kept.add(contexts.get(i).filter(text -> format.teacherPrompt(batch.tasks().get(generation.prompt()), text)
                    .length + generation.length() <= context));
        }
        return kept;
    }

    /** Scores each taught rollout's response under the teacher, reading its teacher prompt ({@link TeacherAlignment}). */
    private void addTeacherInputs(ObjectiveBatch.Builder inputs, Rollouts rollouts, RolloutBatch batch) {
        int rows = batch.rows();
        double[] uniform = new double[vocabulary];
        Arrays.fill(uniform, -Math.log(vocabulary));
        List<Integer> taught = new ArrayList<>();
        List<int[]> sequences = new ArrayList<>();
        int[] studentStarts = new int[rows];
        int[] responseLengths = new int[rows];
        for (int i = 0; i < rows; i++) {
            Generation generation = batch.generations().get(i);
            studentStarts[i] = RolloutBatch.responseStart(batch.prompts(), generation);
            responseLengths[i] = generation.length();
            Optional<String> context = rollouts.teacherContext(i);
            if (context.isPresent()) {
                taught.add(i);
                sequences.add(PromptFormat.join(format.teacherPrompt(batch.tasks().get(generation.prompt()),
                        context.get()), generation.tokens()));
            }
        }
        double[][][] scored = teacher.logProbs(sequences.toArray(int[][]::new));
        double[][][] aligned = TeacherAlignment.align(scored, sequences.stream().mapToInt(s -> s.length).toArray(),
                taught, studentStarts, responseLengths, batch.length(), uniform);
        double[][] teacherToken = new double[rows][batch.length()];
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < batch.length(); t++) {
                teacherToken[i][t] = aligned[i][t][batch.targets()[i][t]];
            }
        }
        inputs.perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS, aligned)
                .perToken(StandardInputs.TEACHER_TOKEN_LOG_PROBS, teacherToken);
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
}
