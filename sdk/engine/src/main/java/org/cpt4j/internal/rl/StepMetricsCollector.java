package org.cpt4j.internal.rl;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.internal.model.TrainingStep;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.run.StepMetrics;

/** What a step measured ({@link StepMetrics}), from its batch, its prepared inputs and its first epoch's update. */
final class StepMetricsCollector {

    private StepMetricsCollector() {
    }

    /** Milliseconds of a step's phases. */
    record Timings(double samplingMs, double scoringMs, double trainingMs) {
    }

    /**
     * @param objectiveDiagnostics the objective's own counts of the step's rollouts, reported with the graph's
     *     diagnostics of the first epoch
     * @param skipped epochs whose update was skipped
     */
    static StepMetrics collect(long step, RolloutBatch batch, ObjectiveInputs.Prepared prepared, TrainingStep first,
                               int skipped, List<WeightedReward.Component> components,
                               Map<String, Double> objectiveDiagnostics, Timings timings) {
        List<Rollouts.Rollout> rollouts = batch.rollouts();
        List<Generation> generations = batch.generations();
        int n = rollouts.size();
        // unscorable rewards (NaN) are left out, as TRL's nanmean and nanstd; none scorable gives NaN (logged null)
        double[] scorable = rollouts.stream().mapToDouble(Rollouts.Rollout::reward).filter(r -> !Double.isNaN(r))
                .toArray();
        double mean = Arrays.stream(scorable).average().orElse(Double.NaN);
        double variance = Arrays.stream(scorable).map(r -> (r - mean) * (r - mean)).average().orElse(Double.NaN);
        Map<String, Double> means = new LinkedHashMap<>();
        for (WeightedReward.Component component : components) {
            means.put(component.name(), rollouts.stream().mapToDouble(r -> r.rewardComponents().get(component.name()))
                    .filter(r -> !Double.isNaN(r)).average().orElse(Double.NaN));
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>(first.diagnostics());
        diagnostics.putAll(objectiveDiagnostics);
        return new StepMetrics(step, mean, Math.sqrt(variance), means,
                rollouts.stream().filter(r -> r.verdict().correct()).count() / (double) n,
                rollouts.stream().filter(r -> r.verdict().formatValid()).count() / (double) n,
                first.loss(), diagnostics, batch.entropySum() / Math.max(batch.responseTokens(), 1),
                prepared.referenceKl(), first.gradientNorm(), skipped,
                generations.stream().mapToInt(Generation::length).average().orElse(0),
                generations.stream().filter(g -> !g.finished()).count() / (double) n,
                generations.stream().filter(g -> Repetition.loops(g.tokens())).count() / (double) n,
                timings.samplingMs(), timings.scoringMs(), timings.trainingMs());
    }
}
