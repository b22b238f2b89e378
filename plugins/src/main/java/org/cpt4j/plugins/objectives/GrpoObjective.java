package org.cpt4j.plugins.objectives;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.LossGraph;
import org.cpt4j.objective.LogSoftmax;
import org.cpt4j.objective.LossTerms;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * GRPO's clipped surrogate (Shao et al. 2024, "DeepSeekMath"), per token {@code t} of response {@code i}:
 *
 * <pre>
 * ρ = exp(clamp(s − s_old, ±20))
 * ℓ = max(−A·ρ, −A·clip(ρ, 1 − ε_low, 1 + ε_high))              (PPO clip)
 * ℓ = min(ℓ, −A·c)  where A &lt; 0, if dual clip c &gt; 0            (Ye et al. 2019)
 * ℓ += β · KL_k(s, s_ref)                                        (k1, k2 or k3)
 * loss = aggregate(ℓ, mask) − entropyBonus · aggregate(H, mask)
 * </pre>
 * with the advantage {@code A} of the response ({@link GroupAdvantages}) read from
 * {@link StandardInputs#ADVANTAGES}, {@code s_old} from {@link StandardInputs#OLD_LOG_PROBS} and {@code s_ref}
 * from {@link StandardInputs#REFERENCE_LOG_PROBS} (only when {@code β > 0}). This is verl's
 * {@code compute_policy_loss_vanilla} plus {@code kl_penalty} and {@code agg_loss}, and TRL's
 * {@code GRPOTrainer._compute_loss} for {@code loss_type} grpo/bnpo/dr_grpo (docs/objectives.md).
 *
 * <p>Diagnostics: {@code clip_fraction} (tokens where the clipped term is the larger), {@code ppo_kl}
 * (mean {@code s_old − s}), {@code kl} (mean estimator, when {@code β > 0}), {@code entropy}.
 */
public final class GrpoObjective implements Objective {

    /** The objective's id. */
    public static final String ID = "grpo";
    private static final double LOG_RATIO_LIMIT = 20;

    private final GrpoConfig config;

    public GrpoObjective(GrpoConfig config) {
        this.config = config;
    }

    public GrpoConfig config() {
        return config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> requiredInputs() {
        return config.klBeta() > 0 ? Set.of(StandardInputs.REFERENCE_LOG_PROBS) : Set.of();
    }

    /** Adds each rollout's group advantage over its tokens; drops zero-variance groups when configured. */
    @Override
    public void prepare(Rollouts rollouts, ObjectiveBatch.Builder batch) {
        double[] rewards = rollouts.rewards();
        double[] advantages = GroupAdvantages.compute(rewards, rollouts.groupSize(), config.scaleRewards(),
                config.advantageEpsilon());
        double[][] mask = rollouts.responseMask();
        double[][] perToken = new double[advantages.length][mask[0].length];
        for (int b = 0; b < advantages.length; b++) {
            java.util.Arrays.fill(perToken[b], advantages[b]);
        }
        batch.perToken(StandardInputs.ADVANTAGES, perToken);
        if (config.filterZeroVariance()) {
            boolean[] flat = GroupAdvantages.zeroVarianceGroups(rewards, rollouts.groupSize());
            boolean[] drop = new boolean[rewards.length];
            for (int b = 0; b < drop.length; b++) {
                drop[b] = flat[b / rollouts.groupSize()];
            }
            batch.dropRows(drop);
        }
    }

    @Override
    public int epochs() {
        return config.epochs();
    }

    @Override
    public LossTerms define(LossGraph graph) {
        SameDiff sd = graph.sameDiff();
        SDVariable mask = graph.mask();
        SDVariable policy = graph.tokenLogProbs();
        SDVariable advantages = graph.perToken(StandardInputs.ADVANTAGES);
        SDVariable old = graph.perToken(StandardInputs.OLD_LOG_PROBS);
        SDVariable logRatio = sd.math.clipByValue(policy.sub(old), -LOG_RATIO_LIMIT, LOG_RATIO_LIMIT);
        SDVariable ratio = sd.math.exp(logRatio);
        SDVariable negated = advantages.neg();
        SDVariable unclipped = negated.mul(ratio);
        SDVariable clipped = negated.mul(sd.math.clipByValue(ratio, 1 - config.clipLow(), 1 + config.clipHigh()));
        // max and min by masks, not sd.math.max/min: on ties (every token inside the clip range) their
        // gradients reach both arguments and double the gradient.
        SDVariable clippedLarger = sd.gt(clipped, unclipped).castTo(mask.dataType());
        SDVariable perToken = select(clippedLarger, clipped, unclipped);
        if (config.dualClip() > 0) {
            SDVariable bound = negated.mul(config.dualClip());
            SDVariable bounded = sd.gt(perToken, bound).castTo(mask.dataType())
                    .mul(sd.lt(advantages, sd.constant(0.0).castTo(mask.dataType())).castTo(mask.dataType()));
            perToken = select(bounded, bound, perToken);
        }
        Map<String, SDVariable> diagnostics = new LinkedHashMap<>();
        if (config.klBeta() > 0) {
            SDVariable kl = klEstimate(sd, policy, graph.perToken(StandardInputs.REFERENCE_LOG_PROBS));
            perToken = perToken.add(kl.mul(config.klBeta()));
            diagnostics.put("kl", maskedMean(graph, kl, mask));
        }
        SDVariable loss = config.aggregation().aggregate(graph, perToken, mask, config.maxResponseLength());
        if (config.entropyBonus() > 0) {
            loss = loss.sub(config.aggregation().aggregate(graph, graph.entropy(), mask, config.maxResponseLength())
                    .mul(config.entropyBonus()));
        }
        diagnostics.put("clip_fraction", maskedMean(graph, clippedLarger, mask));
        diagnostics.put("ppo_kl", maskedMean(graph, old.sub(policy), mask));
        diagnostics.put("entropy", maskedMean(graph, graph.entropy(), mask));
        return new LossTerms(loss, diagnostics);
    }

    /** @return {@code condition · ifTrue + (1 − condition) · ifFalse} for a 0/1 {@code condition} */
    private static SDVariable select(SDVariable condition, SDVariable ifTrue, SDVariable ifFalse) {
        return condition.mul(ifTrue).add(condition.rsub(1.0).mul(ifFalse));
    }

    private SDVariable klEstimate(SameDiff sd, SDVariable policy, SDVariable reference) {
        SDVariable difference = policy.sub(reference);
        return switch (config.klEstimator()) {
            case K1 -> difference;
            case K2 -> difference.mul(difference).mul(0.5);
            case K3 -> {
                SDVariable logRatio = sd.math.clipByValue(difference.neg(), -KlEstimator.LOG_RATIO_LIMIT,
                        KlEstimator.LOG_RATIO_LIMIT);
                yield sd.math.clipByValue(sd.math.exp(logRatio).sub(logRatio).sub(1.0), -KlEstimator.VALUE_LIMIT,
                        KlEstimator.VALUE_LIMIT);
            }
        };
    }

    /** @return the token mean of {@code values} over {@code mask}, the form every diagnostic takes */
    static SDVariable maskedMean(LossGraph graph, SDVariable values, SDVariable mask) {
        return LossAggregation.TOKEN_MEAN.aggregate(graph, values, mask, 1);
    }

    @Override
    public double referenceLoss(double[][][] logits, double[][][] detachedLogits, ObjectiveBatch batch) {
        double[][] advantages = batch.perToken(StandardInputs.ADVANTAGES);
        double[][] old = batch.perToken(StandardInputs.OLD_LOG_PROBS);
        double[][] reference = config.klBeta() > 0 ? batch.perToken(StandardInputs.REFERENCE_LOG_PROBS) : null;
        double[][] perToken = new double[batch.rows()][batch.length()];
        double[][] entropy = new double[batch.rows()][batch.length()];
        for (int b = 0; b < batch.rows(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                double[] logProbs = LogSoftmax.of(logits[b][t]);
                double policy = logProbs[batch.target(b, t)];
                entropy[b][t] = LogSoftmax.entropy(logProbs);
                perToken[b][t] = tokenLoss(policy, old[b][t], advantages[b][t])
                        + (reference == null ? 0 : config.klBeta() * config.klEstimator().estimate(policy, reference[b][t]));
            }
        }
        double loss = config.aggregation().reference(perToken, batch.mask(), config.maxResponseLength());
        if (config.entropyBonus() > 0) {
            loss -= config.entropyBonus() * config.aggregation().reference(entropy, batch.mask(), config.maxResponseLength());
        }
        return loss;
    }

    /** @return the clipped (and dual-clipped) surrogate loss of one token, in double precision */
    double tokenLoss(double policy, double old, double advantage) {
        double ratio = Math.exp(Math.max(-LOG_RATIO_LIMIT, Math.min(LOG_RATIO_LIMIT, policy - old)));
        double clippedRatio = Math.max(1 - config.clipLow(), Math.min(1 + config.clipHigh(), ratio));
        double loss = Math.max(-advantage * ratio, -advantage * clippedRatio);
        if (config.dualClip() > 0 && advantage < 0) {
            loss = Math.min(loss, -advantage * config.dualClip());
        }
        return loss;
    }
}
