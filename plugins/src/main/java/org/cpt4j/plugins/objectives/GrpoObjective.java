package org.cpt4j.plugins.objectives;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cpt4j.objective.FormulaObjective;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.LossInputs;
import org.cpt4j.objective.LossTerms;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.objective.TensorMath;

/**
 * GRPO's clipped surrogate (Shao et al. 2024, "DeepSeekMath"), per token {@code t} of response {@code i}, with the
 * student's log-probability {@code s} at {@code logitTemperature}:
 *
 * <pre>
 * λ = clamp(s − s_old, ±20)                                     (verl's clamp)
 * log w = λ                                  TOKEN
 *       = Σ_t m·λ / max(Σ_t m, 1)            SEQUENCE (GSPO; one per response)
 *       = s − sg(s) + sg(Σ_t m·λ / max(Σ_t m, 1))   SEQUENCE_TOKEN
 * ρ = exp(log w);  ρ̂ = min(ρ, δ) if delta δ &gt; 0                (TRL two-sided clipping)
 * ℓ = max(−A·ρ̂, −A·clip(ρ, 1 − ε_low, 1 + ε_high))             (PPO clip)
 * ℓ = min(ℓ, −A·c)  where A &lt; 0, if dual clip c &gt; 0            (Ye et al. 2019)
 * ℓ = ℓ · w                                                     ({@link RolloutCorrection}, if on)
 * ℓ += β · KL(s, s_ref) · (ρ if biasCorrectedKl)                 ({@link KlEstimator}, {@link KlClamp})
 * loss = aggregate(ℓ, mask) − entropyBonus · aggregate(H, mask)
 * </pre>
 * with the advantage {@code A} of the response ({@link GroupAdvantages}) read from
 * {@link StandardInputs#ADVANTAGES}, {@code s_old} from {@link StandardInputs#OLD_LOG_PROBS} and {@code s_ref}
 * from {@link StandardInputs#REFERENCE_LOG_PROBS} (only when {@code β > 0}). This is verl's
 * {@code compute_policy_loss_vanilla} plus {@code kl_penalty} and {@code agg_loss}, and TRL's
 * {@code GRPOTrainer._compute_loss} (docs/objectives.md maps every option to its upstream line).
 *
 * <p>Diagnostics, verl's as verl averages them ({@code Σ x·m / (Σ m + 1e-8)}): {@code clip_fraction} (tokens where
 * the clipped term is the larger, {@code pg_clipfrac}), {@code clip_fraction_lower} (negative-advantage tokens the dual
 * clip bounds, {@code pg_clipfrac_lower}; with a dual clip), {@code ppo_kl} (mean {@code −λ}); TRL's as TRL averages
 * them ({@code Σ x·m / max(Σ m, 1)}, per response at sequence level): {@code clip_ratio_low} ({@code ρ̂ < 1 − ε_low}
 * and {@code A < 0}), {@code clip_ratio_high} ({@code ρ̂ > 1 + ε_high} and {@code A > 0}),
 * {@code clip_ratio_region} (either); {@code kl} (mean KL term, when {@code β > 0}), {@code rollout_is_mean} (mean
 * rollout-correction weight, when on) and {@code entropy}.
 */
public final class GrpoObjective implements FormulaObjective {

    /** The objective's id. */
    public static final String ID = "grpo";
    /** verl's clamp of the log-ratio before the exponential. */
    static final double LOG_RATIO_LIMIT = 20;

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
        Set<String> inputs = new java.util.HashSet<>();
        if (config.klBeta() > 0) {
            inputs.add(StandardInputs.REFERENCE_LOG_PROBS);
        }
        if (config.rolloutCorrection() != RolloutCorrection.NONE) {
            inputs.add(StandardInputs.ROLLOUT_LOG_PROBS);
        }
        return Set.copyOf(inputs);
    }

    /**
     * Adds each rollout's advantage over its tokens ({@link GroupAdvantages}: of the total reward, or of each
     * component first with {@link RewardAggregation#NORMALIZE_THEN_SUM}); drops zero-variance groups when configured.
     */
    @Override
    public void prepare(Rollouts rollouts, ObjectiveBatch.Builder batch) {
        double[] rewards = rollouts.rewards();
        int[] groups = GroupAdvantages.consecutiveGroups(rewards.length, rollouts.groupSize());
        double[] advantages = config.rewardAggregation() == RewardAggregation.NORMALIZE_THEN_SUM
                ? GroupAdvantages.normalizeThenSum(rollouts.rewardComponentScores(),
                        rollouts.rewardWeights().values().stream().mapToDouble(Double::doubleValue).toArray(), groups,
                        config.advantageEpsilon())
                : GroupAdvantages.compute(rewards, groups, config.scaleRewards(), config.advantageEpsilon());
        double[][] mask = rollouts.responseMask();
        double[][] perToken = new double[advantages.length][mask[0].length];
        for (int b = 0; b < advantages.length; b++) {
            java.util.Arrays.fill(perToken[b], advantages[b]);
        }
        batch.perToken(StandardInputs.ADVANTAGES, perToken);
        if (config.filterZeroVariance()) {
            batch.dropRows(GroupAdvantages.inZeroVarianceGroup(rewards, groups));
        }
    }

    @Override
    public int epochs() {
        return config.epochs();
    }

    /**
     * The per-token quantities of the surrogate, {@code [B, L]} (or {@code [B, 1]} per response at sequence level,
     * broadcasting against tokens).
     *
     * @param loss {@code ℓ} before the KL term
     * @param logRatio the clamped token log-ratio {@code λ}
     * @param ratio {@code ρ}, before the delta cap (what the bias-corrected KL multiplies by)
     * @param clippedLarger 1 where the clipped term is the larger
     * @param lowClipped 1 where {@code ρ̂ < 1 − ε_low} and {@code A < 0}
     * @param highClipped 1 where {@code ρ̂ > 1 + ε_high} and {@code A > 0}
     * @param dualClipped 1 where the dual clip bounds the loss (0 everywhere without a dual clip)
     */
    public record Surrogate<T>(T loss, T logRatio, T ratio, T clippedLarger, T lowClipped, T highClipped,
                               T dualClipped) {
    }

    /**
     * @param logProbs the policy's log-probability of each sampled token, {@code [B, L]}
     * @param oldLogProbs the sampling policy's, {@code [B, L]}
     * @param advantages each token's advantage, {@code [B, L]}
     * @param mask 1 on response tokens, {@code [B, L]} (what the sequence-level ratio averages over)
     * @return the clipped surrogate's per-token quantities under this configuration
     */
    public <T> Surrogate<T> surrogate(TensorMath<T> m, T logProbs, T oldLogProbs, T advantages, T mask) {
        T logRatio = m.clamp(m.sub(logProbs, oldLogProbs), -LOG_RATIO_LIMIT, LOG_RATIO_LIMIT);
        T logWeight = switch (config.importanceSampling()) {
            case TOKEN -> logRatio;
            case SEQUENCE -> sequenceMean(m, logRatio, mask);
            case SEQUENCE_TOKEN -> m.add(m.sub(logProbs, m.stopGradient(logProbs)),
                    m.stopGradient(sequenceMean(m, logRatio, mask)));
        };
        T ratio = m.exp(logWeight);
        T capped = config.delta() > 0 ? m.min(ratio, m.constant(config.delta())) : ratio;
        T negated = m.neg(advantages);
        T unclipped = m.mul(negated, capped);
        T clipped = m.mul(negated, m.clamp(ratio, 1 - config.clipLow(), 1 + config.clipHigh()));
        T clippedLarger = m.greater(clipped, unclipped);
        T loss = m.select(clippedLarger, clipped, unclipped);
        T zero = m.constant(0);
        T negative = m.less(advantages, zero);
        T dualClipped = zero;
        if (config.dualClip() > 0) {
            T bound = m.mul(negated, config.dualClip());
            dualClipped = m.mul(m.greater(loss, bound), negative);
            loss = m.select(dualClipped, bound, loss);
        }
        T lowClipped = m.mul(m.less(capped, m.constant(1 - config.clipLow())), negative);
        T highClipped = m.mul(m.greater(capped, m.constant(1 + config.clipHigh())), m.greater(advantages, zero));
        return new Surrogate<>(loss, logRatio, ratio, clippedLarger, lowClipped, highClipped, dualClipped);
    }

    /** @return each response's mean over its response tokens, {@code Σ_t m·x / max(Σ_t m, 1)}, {@code [B, 1]} */
    private static <T> T sequenceMean(TensorMath<T> m, T perToken, T mask) {
        return m.div(m.sumPositions(m.mul(perToken, mask)), m.max(m.sumPositions(mask), m.constant(1)));
    }

    /** @return the KL term per token before {@code β}: the estimate, times {@code ρ} when bias-corrected */
    public <T> T klTerm(TensorMath<T> m, T logProbs, T referenceLogProbs, T ratio) {
        T kl = config.klEstimator().estimate(m, logProbs, referenceLogProbs, config.klClamp());
        return config.biasCorrectedKl() ? m.mul(kl, ratio) : kl;
    }

    @Override
    public <T> LossTerms<T> loss(LossInputs<T> inputs) {
        TensorMath<T> m = inputs.math();
        T mask = inputs.mask();
        T logProbs = inputs.tokenLogProbs(config.logitTemperature());
        Surrogate<T> surrogate = surrogate(m, logProbs, inputs.perToken(StandardInputs.OLD_LOG_PROBS),
                inputs.perToken(StandardInputs.ADVANTAGES), mask);
        T perToken = surrogate.loss();
        Map<String, T> diagnostics = new LinkedHashMap<>();
        if (config.rolloutCorrection() != RolloutCorrection.NONE) {
            T weights = config.rolloutCorrection().weights(m, inputs.perToken(StandardInputs.OLD_LOG_PROBS),
                    inputs.perToken(StandardInputs.ROLLOUT_LOG_PROBS), mask, config.rolloutCorrectionThreshold());
            perToken = m.mul(perToken, weights);
            diagnostics.put("rollout_is_mean", verlMean(m, weights, mask));
        }
        if (config.klBeta() > 0) {
            T kl = klTerm(m, logProbs, inputs.perToken(StandardInputs.REFERENCE_LOG_PROBS), surrogate.ratio());
            perToken = m.add(perToken, m.mul(kl, config.klBeta()));
            diagnostics.put("kl", LossAggregation.TOKEN_MEAN.aggregate(m, kl, mask, 1));
        }
        T entropy = inputs.entropy(config.logitTemperature());
        T loss = config.aggregation().aggregate(m, perToken, mask, config.maxResponseLength());
        if (config.entropyBonus() > 0) {
            loss = m.sub(loss, m.mul(config.aggregation().aggregate(m, entropy, mask, config.maxResponseLength()),
                    config.entropyBonus()));
        }
        diagnostics.put("clip_fraction", verlMean(m, surrogate.clippedLarger(), mask));
        if (config.dualClip() > 0) {
            diagnostics.put("clip_fraction_lower", verlMean(m, surrogate.dualClipped(), mask));
        }
        diagnostics.put("ppo_kl", verlMean(m, m.neg(surrogate.logRatio()), mask));
        LossAggregation trlMean = config.importanceSampling() == ImportanceSampling.SEQUENCE
                ? LossAggregation.TRL_GRPO : LossAggregation.TOKEN_MEAN;
        diagnostics.put("clip_ratio_low", trlMean.aggregate(m, surrogate.lowClipped(), mask, 1));
        diagnostics.put("clip_ratio_high", trlMean.aggregate(m, surrogate.highClipped(), mask, 1));
        diagnostics.put("clip_ratio_region", trlMean.aggregate(m,
                m.add(surrogate.lowClipped(), surrogate.highClipped()), mask, 1));
        diagnostics.put("entropy", LossAggregation.TOKEN_MEAN.aggregate(m, entropy, mask, 1));
        return new LossTerms<>(loss, diagnostics);
    }

    /** @return verl's {@code masked_mean}: {@code Σ x·m / (Σ m + 1e-8)} */
    static <T> T verlMean(TensorMath<T> m, T values, T mask) {
        return m.div(m.sum(m.mul(values, mask)), m.add(m.sum(mask), 1e-8));
    }
}
