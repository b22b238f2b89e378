package org.cpt4j.plugins.objectives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.cpt4j.objective.DoubleMath;
import org.cpt4j.objective.DoubleTensor;
import org.cpt4j.objective.FormulaObjective;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.LossInputs;
import org.cpt4j.objective.LossTerms;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.objective.TensorMath;
import org.jspecify.annotations.Nullable;

/**
 * SDPO's self-distillation loss (the official code's {@code compute_self_distillation_loss}). With the student's
 * log-distribution {@code s} and the teacher's {@code q} (read from {@link StandardInputs#TEACHER_LOG_PROBS},
 * no gradient) at each response position:
 *
 * <pre>
 * α = 0:      D = Σ_v e^q (q − s)                              KL(teacher ‖ student)
 * α = 1:      D = Σ_v e^s (s − q)                              KL(student ‖ teacher)
 * 0 &lt; α &lt; 1:  m = log((1 − α) e^s + α e^q)                     (log-sum-exp, in log space)
 *             D = (1 − α) Σ_v e^s (s − m) + α Σ_v e^q (q − m)   generalised Jensen–Shannon
 * </pre>
 * The endpoints are separate branches, as in the reference: the mixture formula tends to 0, not to the KLs,
 * as α → 0 or 1. With top-k the sums run over the student's top-k tokens ({@link StandardInputs#DISTILLATION_SUPPORT})
 * plus, with the tail bucket, one entry {@code log(1 − Σ_topk e^x)} (the sum clamped below 1 − 1e-7) per side,
 * or else both sides renormalised over the k entries. The sampled-token mode uses {@code sg(s_y − q_y) · s_y}.
 * Each token's loss is multiplied by {@code min(exp(clamp(sg(s_y) − s_old, ±20)), isClip)} when
 * {@code isClip > 0} and by the {@link RolloutCorrection} weight when on, then aggregated ({@code aggregation}, token mean by default) over the tokens of
 * {@link StandardInputs#DISTILLATION_MASK} (response tokens of samples with a teacher context, less those
 * {@code maskRatio} dropped); an empty mask gives 0. The student's distributions are at {@code logitTemperature}. With
 * {@code grpoWeight > 0} the loss is {@code grpoWeight·GRPO + (1 − grpoWeight)·D̄}.
 *
 * <p>Diagnostics: {@code divergence} (mean D over distilled tokens, before the importance weight),
 * {@code distilled_tokens}, {@code importance_weight} (its mean), and GRPO's when mixed.
 */
public final class SdpoObjective implements FormulaObjective {

    /** The objective's id. */
    public static final String ID = "sdpo";
    /** Upper clamp of the log of the top-k mass before taking the tail's log (the reference's {@code -1e-7}). */
    static final double TAIL_LOG_MASS_LIMIT = -1e-7;

    private final SdpoConfig config;
    private final GrpoObjective grpo;

    public SdpoObjective(SdpoConfig config) {
        this.config = config;
        this.grpo = new GrpoObjective(config.grpo());
    }

    public SdpoConfig config() {
        return config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> requiredInputs() {
        Set<String> inputs = new HashSet<>(Set.of(StandardInputs.TEACHER_LOG_PROBS));
        if (config.topK() > 0) {
            inputs.add(StandardInputs.STUDENT_LOG_PROBS);
        }
        if (config.rolloutCorrection() != RolloutCorrection.NONE) {
            inputs.add(StandardInputs.ROLLOUT_LOG_PROBS);
        }
        if (config.grpoWeight() > 0) {
            inputs.addAll(grpo.requiredInputs());
        }
        return inputs;
    }

    /**
     * The official selection: the first successful sibling other than the rollout itself (reward at least the
     * success threshold), else, when feedback is used, the verifier's feedback on the rollout, else none.
     */
    @Override
    public List<Optional<String>> teacherContexts(Rollouts rollouts) {
        List<Rollouts.Rollout> all = rollouts.rollouts();
        List<Optional<String>> contexts = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            int group = i / rollouts.groupSize();
            Optional<String> solution = Optional.empty();
            for (int j = group * rollouts.groupSize(); j < (group + 1) * rollouts.groupSize() && solution.isEmpty(); j++) {
                if (j != i && all.get(j).reward() >= config.successThreshold()) {
                    solution = Optional.of(all.get(j).response());
                }
            }
            contexts.add(solution.isPresent() || !config.useFeedback() ? solution
                    : Optional.of(all.get(i).verdict().feedback()));
        }
        return contexts;
    }

    /**
     * Adds the distillation mask (response tokens of rollouts with a teacher context, less a seeded
     * {@code maskRatio} of them), the student's top-k support when configured, and GRPO's inputs when mixed.
     */
    @Override
    public void prepare(Rollouts rollouts, ObjectiveBatch.Builder batch) {
        boolean[] taught = new boolean[rollouts.rollouts().size()];
        for (int b = 0; b < taught.length; b++) {
            taught[b] = rollouts.teacherContext(b).isPresent();
        }
        batch.perToken(StandardInputs.DISTILLATION_MASK,
                distillationMask(rollouts.responseMask(), taught, config.maskRatio(), rollouts.seed()));
        if (config.topK() > 0) {
            batch.perTokenDistribution(StandardInputs.DISTILLATION_SUPPORT,
                    topKSupport(rollouts.studentLogProbs(), config.topK()));
        }
        if (config.grpoWeight() > 0) {
            grpo.prepare(rollouts, batch);
        }
    }

    /**
     * @param responseMask 1 on response tokens, {@code [B][L]}
     * @param taught whether each rollout has a teacher context (the official {@code self_distillation_mask})
     * @param maskRatio the fraction of tokens to drop at random (the study's {@code mask_ratio})
     * @param seed the seed of the drops
     * @return the distillation mask: the response tokens of taught rollouts, each dropped with probability
     *     {@code maskRatio}, {@code [B][L]}
     */
    public static double[][] distillationMask(double[][] responseMask, boolean[] taught, double maskRatio, long seed) {
        double[][] mask = new double[responseMask.length][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < mask.length; b++) {
            mask[b] = new double[responseMask[b].length];
            for (int t = 0; t < mask[b].length; t++) {
                boolean dropped = maskRatio > 0 && random.nextDouble() < maskRatio;
                mask[b][t] = taught[b] && !dropped ? responseMask[b][t] : 0;
            }
        }
        return mask;
    }

    /**
     * @return {@code teacher_context_fraction} (rollouts taught), {@code feedback_context_fraction} (taught from the
     *     verifier's feedback, not a sibling's success: a rising share is an early collapse signal, DESIGN.md §4) and
     *     {@code success_group_fraction} (groups with a rollout at the success threshold)
     */
    @Override
    public Map<String, Double> stepDiagnostics(Rollouts rollouts) {
        List<Rollouts.Rollout> all = rollouts.rollouts();
        int taught = 0;
        int feedback = 0;
        for (int i = 0; i < all.size(); i++) {
            Optional<String> context = rollouts.teacherContext(i);
            taught += context.isPresent() ? 1 : 0;
            feedback += context.isPresent() && context.get().equals(all.get(i).verdict().feedback()) ? 1 : 0;
        }
        int groups = all.size() / rollouts.groupSize();
        int successful = 0;
        for (int g = 0; g < groups; g++) {
            boolean success = false;
            for (int i = g * rollouts.groupSize(); i < (g + 1) * rollouts.groupSize(); i++) {
                success |= all.get(i).reward() >= config.successThreshold();
            }
            successful += success ? 1 : 0;
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("teacher_context_fraction", (double) taught / all.size());
        diagnostics.put("feedback_context_fraction", (double) feedback / all.size());
        diagnostics.put("success_group_fraction", (double) successful / Math.max(groups, 1));
        return diagnostics;
    }

    /**
     * @param logProbs the student's log-probabilities at every position, {@code [B][L][V]}
     * @return 1 on the {@code k} largest entries of each position (ties to the lower id), else 0
     */
    public static double[][][] topKSupport(double[][][] logProbs, int k) {
        double[][][] support = new double[logProbs.length][][];
        for (int b = 0; b < logProbs.length; b++) {
            support[b] = new double[logProbs[b].length][];
            for (int t = 0; t < logProbs[b].length; t++) {
                double[] row = logProbs[b][t];
                Integer[] order = new Integer[row.length];
                for (int v = 0; v < row.length; v++) {
                    order[v] = v;
                }
                Arrays.sort(order, (x, y) -> row[x] != row[y] ? Double.compare(row[y], row[x]) : Integer.compare(x, y));
                support[b][t] = new double[row.length];
                for (int i = 0; i < Math.min(k, row.length); i++) {
                    support[b][t][order[i]] = 1;
                }
            }
        }
        return support;
    }

    @Override
    public int epochs() {
        return config.epochs();
    }

    @Override
    public <T> LossTerms<T> loss(LossInputs<T> inputs) {
        TensorMath<T> m = inputs.math();
        T distillMask = inputs.perToken(StandardInputs.DISTILLATION_MASK);
        T studentToken = inputs.tokenLogProbs(config.logitTemperature());
        T divergence = config.sampledToken()
                ? sampledTokenSurrogate(m, studentToken, inputs.perToken(StandardInputs.TEACHER_TOKEN_LOG_PROBS))
                : m.perToken(divergence(m, inputs.logProbs(config.logitTemperature()),
                        inputs.perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS),
                        config.topK() > 0 ? inputs.perTokenDistribution(StandardInputs.DISTILLATION_SUPPORT) : null));
        T perToken = divergence;
        Map<String, T> diagnostics = new LinkedHashMap<>();
        if (config.isClip() > 0) {
            T logRatio = m.clamp(m.sub(m.stopGradient(studentToken), inputs.perToken(StandardInputs.OLD_LOG_PROBS)),
                    -GrpoObjective.LOG_RATIO_LIMIT, GrpoObjective.LOG_RATIO_LIMIT);
            T weight = m.min(m.exp(logRatio), m.constant(config.isClip()));
            perToken = m.mul(perToken, weight);
            diagnostics.put("importance_weight", LossAggregation.TOKEN_MEAN.aggregate(m, weight, distillMask, 1));
        }
        if (config.rolloutCorrection() != RolloutCorrection.NONE) {
            T weights = config.rolloutCorrection().weights(m, inputs.perToken(StandardInputs.OLD_LOG_PROBS),
                    inputs.perToken(StandardInputs.ROLLOUT_LOG_PROBS), inputs.mask(), config.rolloutCorrectionThreshold());
            perToken = m.mul(perToken, weights);
            diagnostics.put("rollout_is_mean", GrpoObjective.verlMean(m, weights, distillMask));
        }
        T loss = config.aggregation().aggregate(m, perToken, distillMask, config.aggregation() == LossAggregation.GKD_MEAN
                ? entriesPerPosition(inputs.vocabulary()) : inputs.length());
        diagnostics.put("divergence", LossAggregation.TOKEN_MEAN.aggregate(m, divergence, distillMask, 1));
        diagnostics.put("distilled_tokens", m.sum(distillMask));
        if (config.grpoWeight() > 0) {
            LossTerms<T> policy = grpo.loss(inputs);
            loss = m.add(m.mul(policy.loss(), config.grpoWeight()), m.mul(loss, 1 - config.grpoWeight()));
            policy.diagnostics().forEach((name, value) -> diagnostics.put("grpo_" + name, value));
        }
        return new LossTerms<>(loss, diagnostics);
    }

    /** @return the entries the divergence sums over at a position: the vocabulary, or the top-k (and the tail) */
    private int entriesPerPosition(int vocabulary) {
        if (config.sampledToken()) {
            return 1;
        }
        return config.topK() == 0 ? vocabulary : Math.min(config.topK(), vocabulary) + (config.tailBucket() ? 1 : 0);
    }

    /** @return {@code sg(s_y − q_y) · s_y}, {@code [B, L]} */
    private static <T> T sampledTokenSurrogate(TensorMath<T> m, T student, T teacher) {
        return m.mul(m.stopGradient(m.sub(student, teacher)), student);
    }

    /**
     * @param student the student's log-distributions, {@code [N, V]}
     * @param teacher the teacher's, {@code [N, V]}
     * @param support 1 on each position's top-k entries, {@code [N, V]}, or null for the whole vocabulary
     * @return the divergence D at every position, {@code [N, 1]}
     */
    public <T> T divergence(TensorMath<T> m, T student, T teacher, @Nullable T support) {
        if (support == null) {
            return m.sumVocabulary(entryTerms(m, student, teacher));
        }
        T studentMass = logMass(m, student, support);
        T teacherMass = logMass(m, teacher, support);
        if (!config.tailBucket()) {
            return m.sumVocabulary(m.mul(entryTerms(m, m.sub(student, studentMass), m.sub(teacher, teacherMass)),
                    support));
        }
        T onSupport = m.sumVocabulary(m.mul(entryTerms(m, student, teacher), support));
        return m.add(onSupport, entryTerms(m, tail(m, studentMass), tail(m, teacherMass)));
    }

    /** @return D for one position, in double precision; {@code support} null means the whole vocabulary */
    public double divergence(double[] student, double[] teacher, double @Nullable [] support) {
        return divergence(new DoubleMath(1), DoubleTensor.of(new double[][] {student}),
                DoubleTensor.of(new double[][] {teacher}),
                support == null ? null : DoubleTensor.of(new double[][] {support})).scalar();
    }

    /** @return {@code log Σ_v support·e^x}, {@code [N, 1]} (log-probabilities are ≤ 0, so no overflow) */
    private static <T> T logMass(TensorMath<T> m, T logProbs, T support) {
        return m.log(m.sumVocabulary(m.mul(m.exp(logProbs), support)));
    }

    /** @return {@code log(1 − e^x)} with {@code x} clamped to at most {@link #TAIL_LOG_MASS_LIMIT} */
    private static <T> T tail(TensorMath<T> m, T logMass) {
        return m.log(m.neg(m.expm1(m.min(logMass, m.constant(TAIL_LOG_MASS_LIMIT)))));
    }

    /** @return the per-entry terms of D for student entries {@code a} and teacher entries {@code b} */
    private <T> T entryTerms(TensorMath<T> m, T a, T b) {
        double alpha = config.alpha();
        if (alpha == 0) {
            return m.mul(m.exp(b), m.sub(b, a));
        }
        if (alpha == 1) {
            return m.mul(m.exp(a), m.sub(a, b));
        }
        T left = m.add(a, Math.log(1 - alpha));
        T right = m.add(b, Math.log(alpha));
        T top = m.stopGradient(m.max(left, right));
        T mixture = m.add(top, m.log(m.add(m.exp(m.sub(left, top)), m.exp(m.sub(right, top)))));
        return m.add(m.mul(m.mul(m.exp(a), m.sub(a, mixture)), 1 - alpha),
                m.mul(m.mul(m.exp(b), m.sub(b, mixture)), alpha));
    }
}
