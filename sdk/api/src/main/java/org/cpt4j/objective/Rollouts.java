package org.cpt4j.objective;

import java.util.List;
import java.util.Optional;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * One step's rollouts as an objective sees them while it prepares its inputs: groups of {@link #groupSize()}
 * consecutive responses to the same task, with rewards and verdicts, laid out as the rows of the training
 * batch ({@code [B][L]}, row {@code i} is rollout {@code i}).
 */
public final class Rollouts {

    /**
     * One sampled response.
     *
     * @param group index of its group (its prompt)
     * @param task the task it answers
     * @param response its text, without the end-of-sequence token
     * @param verdict the verifier's verdict
     * @param reward its total reward
     * @param tokens generated tokens, end-of-sequence included
     */
    public record Rollout(int group, Task task, String response, Verdict verdict, double reward, int tokens) {
    }

    private final List<Rollout> rollouts;
    private final int groupSize;
    private final double[][] responseMask;
    private final List<Optional<String>> teacherContexts;
    private final double @Nullable [][][] studentLogProbs;
    private final long seed;

    /**
     * @param responseMask 1 where row {@code i}'s target is one of its response tokens, {@code [B][L]}
     * @param teacherContexts the teacher's privileged context per rollout (empty: none), or an empty list when the
     *     objective has no teacher
     * @param studentLogProbs the sampling policy's log-probabilities at every position, {@code [B][L][V]}, when the
     *     objective asked for {@link StandardInputs#STUDENT_LOG_PROBS}
     * @param seed seed for the objective's own random choices at this step (e.g. token dropping)
     */
    public Rollouts(List<Rollout> rollouts, int groupSize, double[][] responseMask, List<Optional<String>> teacherContexts,
                    double @Nullable [][][] studentLogProbs, long seed) {
        this.rollouts = List.copyOf(rollouts);
        this.groupSize = groupSize;
        this.responseMask = responseMask;
        this.teacherContexts = List.copyOf(teacherContexts);
        this.studentLogProbs = studentLogProbs;
        this.seed = seed;
    }

    public List<Rollout> rollouts() {
        return rollouts;
    }

    public int groupSize() {
        return groupSize;
    }

    /** @return the rewards in row order */
    public double[] rewards() {
        return rollouts.stream().mapToDouble(Rollout::reward).toArray();
    }

    /** @return a copy of the response mask, {@code [B][L]} */
    public double[][] responseMask() {
        return java.util.Arrays.stream(responseMask).map(double[]::clone).toArray(double[][]::new);
    }

    /** @return the teacher context of rollout {@code i}, if the objective chose one */
    public Optional<String> teacherContext(int i) {
        return teacherContexts.isEmpty() ? Optional.empty() : teacherContexts.get(i);
    }

    /** @return the sampling policy's log-probabilities {@code [B][L][V]}, if the objective asked for them */
    public double[][][] studentLogProbs() {
        if (studentLogProbs == null) {
            throw new IllegalStateException("student log-probabilities were not computed; require "
                    + StandardInputs.STUDENT_LOG_PROBS);
        }
        return studentLogProbs;
    }

    /** @return the seed of this step's objective-side random choices */
    public long seed() {
        return seed;
    }
}
