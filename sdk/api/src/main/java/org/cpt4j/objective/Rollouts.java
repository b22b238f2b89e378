package org.cpt4j.objective;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * @param reward its total reward, {@link org.cpt4j.reward.RewardModel#UNSCORABLE} when no component scored it
     * @param tokens generated tokens, end-of-sequence included
     * @param rewardComponents each reward component's unweighted score by name (NaN where it could not score), in the
     *     order of {@link Rollouts#rewardWeights()}
     */
    public record Rollout(int group, Task task, String response, Verdict verdict, double reward, int tokens,
                          Map<String, Double> rewardComponents) {

        public Rollout {
            rewardComponents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rewardComponents));
        }

        /** A rollout whose reward has no components on record (one unnamed reward). */
        public Rollout(int group, Task task, String response, Verdict verdict, double reward, int tokens) {
            this(group, task, response, verdict, reward, tokens, Map.of());
        }
    }

    private final List<Rollout> rollouts;
    private final int groupSize;
    private final double[][] responseMask;
    private final List<Optional<String>> teacherContexts;
    private final double @Nullable [][][] studentLogProbs;
    private final long seed;
    private final Map<String, Double> rewardWeights;

    /**
     * @param responseMask 1 where row {@code i}'s target is one of its response tokens, {@code [B][L]}
     * @param teacherContexts the teacher's privileged context per rollout (empty: none), or an empty list when the
     *     objective has no teacher
     * @param studentLogProbs the sampling policy's log-probabilities at every position, {@code [B][L][V]}, when the
     *     objective asked for {@link StandardInputs#STUDENT_LOG_PROBS}
     * @param seed seed for the objective's own random choices at this step (e.g. token dropping)
     * @param rewardWeights each reward component's weight by name, in order (empty when the rollouts record no
     *     components)
     */
    public Rollouts(List<Rollout> rollouts, int groupSize, double[][] responseMask, List<Optional<String>> teacherContexts,
                    double @Nullable [][][] studentLogProbs, long seed, Map<String, Double> rewardWeights) {
        this.rollouts = List.copyOf(rollouts);
        this.groupSize = groupSize;
        this.responseMask = responseMask;
        this.teacherContexts = List.copyOf(teacherContexts);
        this.studentLogProbs = studentLogProbs;
        this.seed = seed;
        this.rewardWeights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rewardWeights));
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

    /** @return each reward component's weight by name, in the order the components were declared */
    public Map<String, Double> rewardWeights() {
        return rewardWeights;
    }

    /**
     * @return each rollout's unweighted component scores {@code [B][K]}, components in {@link #rewardWeights()} order
     * @throws IllegalStateException when the rollouts record no components
     */
    public double[][] rewardComponentScores() {
        if (rewardWeights.isEmpty()) {
            throw new IllegalStateException("these rollouts record no reward components");
        }
        double[][] scores = new double[rollouts.size()][];
        for (int i = 0; i < scores.length; i++) {
            Map<String, Double> components = rollouts.get(i).rewardComponents();
            scores[i] = new double[rewardWeights.size()];
            int k = 0;
            for (String name : rewardWeights.keySet()) {
                Double score = components.get(name);
                if (score == null) {
                    throw new IllegalStateException("rollout " + i + " has no score of reward component '" + name + "'");
                }
                scores[i][k++] = score;
            }
        }
        return scores;
    }

    /** @return the seed of this step's objective-side random choices */
    public long seed() {
        return seed;
    }
}
