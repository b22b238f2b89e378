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
 * {@code isClip > 0}, then averaged over the tokens of {@link StandardInputs#DISTILLATION_MASK} (response tokens
 * of samples with a teacher context, less those {@code maskRatio} dropped); an empty mask gives 0. With
 * {@code grpoWeight > 0} the loss is {@code grpoWeight·GRPO + (1 − grpoWeight)·D̄}.
 *
 * <p>Diagnostics: {@code divergence} (mean D over distilled tokens, before the importance weight),
 * {@code distilled_tokens}, {@code importance_weight} (its mean), and GRPO's when mixed.
 */
public final class SdpoObjective implements Objective {

    /** The objective's id. */
    public static final String ID = "sdpo";
    /** Upper clamp of the log of the top-k mass before taking the tail's log (the reference's {@code -1e-7}). */
    static final double TAIL_LOG_MASS_LIMIT = -1e-7;
    private static final double LOG_RATIO_LIMIT = 20;

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
        double[][] mask = rollouts.responseMask();
        SplittableRandom random = new SplittableRandom(rollouts.seed());
        for (int b = 0; b < mask.length; b++) {
            boolean taught = rollouts.teacherContext(b).isPresent();
            for (int t = 0; t < mask[b].length; t++) {
                boolean dropped = config.maskRatio() > 0 && random.nextDouble() < config.maskRatio();
                mask[b][t] = taught && !dropped ? mask[b][t] : 0;
            }
        }
        batch.perToken(StandardInputs.DISTILLATION_MASK, mask);
        if (config.topK() > 0) {
            batch.perTokenDistribution(StandardInputs.DISTILLATION_SUPPORT,
                    topKSupport(rollouts.studentLogProbs(), config.topK()));
        }
        if (config.grpoWeight() > 0) {
            grpo.prepare(rollouts, batch);
        }
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

    /** @return 1 on the {@code k} largest entries of each position (ties to the lower id), else 0 */
    static double[][][] topKSupport(double[][][] logProbs, int k) {
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
    public LossTerms define(LossGraph graph) {
        SameDiff sd = graph.sameDiff();
        SDVariable distillMask = graph.perToken(StandardInputs.DISTILLATION_MASK);
        SDVariable divergence = config.sampledToken()
                ? sampledTokenSurrogate(graph)
                : sd.reshape(distributionDivergence(graph), -1, graph.length());
        SDVariable perToken = divergence;
        Map<String, SDVariable> diagnostics = new LinkedHashMap<>();
        if (config.isClip() > 0) {
            SDVariable logRatio = sd.math.clipByValue(graph.stopGradient(graph.tokenLogProbs())
                    .sub(graph.perToken(StandardInputs.OLD_LOG_PROBS)), -LOG_RATIO_LIMIT, LOG_RATIO_LIMIT);
            SDVariable weight = sd.math.min(sd.math.exp(logRatio),
                    sd.constant(config.isClip()).castTo(logRatio.dataType()));
            perToken = perToken.mul(weight);
            diagnostics.put("importance_weight", GrpoObjective.maskedMean(graph, weight, distillMask));
        }
        SDVariable loss = LossAggregation.TOKEN_MEAN.aggregate(graph, perToken, distillMask, 1);
        diagnostics.put("divergence", GrpoObjective.maskedMean(graph, divergence, distillMask));
        diagnostics.put("distilled_tokens", distillMask.sum());
        if (config.grpoWeight() > 0) {
            LossTerms policy = grpo.define(graph);
            loss = policy.loss().mul(config.grpoWeight()).add(loss.mul(1 - config.grpoWeight()));
            policy.diagnostics().forEach((name, value) -> diagnostics.put("grpo_" + name, value));
        }
        return new LossTerms(loss, diagnostics);
    }

    /** @return {@code sg(s_y − q_y) · s_y}, {@code [B, L]} */
    private SDVariable sampledTokenSurrogate(LossGraph graph) {
        SDVariable student = graph.tokenLogProbs();
        SDVariable teacher = graph.perToken(StandardInputs.TEACHER_TOKEN_LOG_PROBS);
        return graph.stopGradient(student.sub(teacher)).mul(student);
    }

    /** @return the divergence D at every position, {@code [B·L, 1]} */
    private SDVariable distributionDivergence(LossGraph graph) {
        SameDiff sd = graph.sameDiff();
        SDVariable student = graph.logProbs();
        SDVariable teacher = graph.perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS);
        if (config.topK() == 0) {
            return sd.sum(entryTerms(graph, student, teacher), true, 1);
        }
        SDVariable support = graph.perTokenDistribution(StandardInputs.DISTILLATION_SUPPORT);
        SDVariable studentMass = logMass(sd, student, support);
        SDVariable teacherMass = logMass(sd, teacher, support);
        if (!config.tailBucket()) {
            return sd.sum(entryTerms(graph, student.sub(studentMass), teacher.sub(teacherMass)).mul(support), true, 1);
        }
        SDVariable onSupport = sd.sum(entryTerms(graph, student, teacher).mul(support), true, 1);
        return onSupport.add(entryTerms(graph, tail(sd, studentMass), tail(sd, teacherMass)));
    }

    /** @return {@code log Σ_v support·e^x}, {@code [N, 1]} (log-probabilities are ≤ 0, so no overflow) */
    private static SDVariable logMass(SameDiff sd, SDVariable logProbs, SDVariable support) {
        return sd.math.log(sd.sum(sd.math.exp(logProbs).mul(support), true, 1));
    }

    /** @return {@code log(1 − e^m)} with {@code m} clamped to at most {@link #TAIL_LOG_MASS_LIMIT} */
    private static SDVariable tail(SameDiff sd, SDVariable logMass) {
        SDVariable clamped = sd.math.min(logMass, sd.constant(TAIL_LOG_MASS_LIMIT).castTo(logMass.dataType()));
        return sd.math.log(sd.math.expm1(clamped).neg());
    }

    /** @return the per-entry terms of D for student entries {@code a} and teacher entries {@code b} */
    private SDVariable entryTerms(LossGraph graph, SDVariable a, SDVariable b) {
        SameDiff sd = graph.sameDiff();
        double alpha = config.alpha();
        if (alpha == 0) {
            return sd.math.exp(b).mul(b.sub(a));
        }
        if (alpha == 1) {
            return sd.math.exp(a).mul(a.sub(b));
        }
        SDVariable left = a.add(Math.log(1 - alpha));
        SDVariable right = b.add(Math.log(alpha));
        SDVariable top = graph.stopGradient(sd.math.max(left, right));
        SDVariable mixture = top.add(sd.math.log(sd.math.exp(left.sub(top)).add(sd.math.exp(right.sub(top)))));
        return sd.math.exp(a).mul(a.sub(mixture)).mul(1 - alpha).add(sd.math.exp(b).mul(b.sub(mixture)).mul(alpha));
    }

    @Override
    public double referenceLoss(double[][][] logits, double[][][] detachedLogits, ObjectiveBatch batch) {
        double[][] distillMask = batch.perToken(StandardInputs.DISTILLATION_MASK);
        double[][] old = config.isClip() > 0 ? batch.perToken(StandardInputs.OLD_LOG_PROBS) : null;
        double[][][] teacher = config.sampledToken() ? null : batch.perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS);
        double[][] teacherToken = config.sampledToken() ? batch.perToken(StandardInputs.TEACHER_TOKEN_LOG_PROBS) : null;
        double[][][] support = config.topK() > 0 ? batch.perTokenDistribution(StandardInputs.DISTILLATION_SUPPORT) : null;
        double[][] perToken = new double[batch.rows()][batch.length()];
        for (int b = 0; b < batch.rows(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                double[] student = LogSoftmax.of(logits[b][t]);
                double studentToken = student[batch.target(b, t)];
                double detachedToken = LogSoftmax.of(detachedLogits[b][t])[batch.target(b, t)];
                double loss = config.sampledToken()
                        ? (detachedToken - teacherToken[b][t]) * studentToken
                        : divergence(student, teacher[b][t], support == null ? null : support[b][t]);
                if (old != null) {
                    double logRatio = Math.max(-LOG_RATIO_LIMIT, Math.min(LOG_RATIO_LIMIT, detachedToken - old[b][t]));
                    loss *= Math.min(Math.exp(logRatio), config.isClip());
                }
                perToken[b][t] = loss;
            }
        }
        double distillation = LossAggregation.TOKEN_MEAN.reference(perToken, distillMask, 1);
        if (config.grpoWeight() == 0) {
            return distillation;
        }
        return config.grpoWeight() * grpo.referenceLoss(logits, detachedLogits, batch)
                + (1 - config.grpoWeight()) * distillation;
    }

    /** @return D for one position in double precision; {@code support} null means the whole vocabulary */
    double divergence(double[] student, double[] teacher, double[] support) {
        if (support == null) {
            double sum = 0;
            for (int v = 0; v < student.length; v++) {
                sum += entryTerm(student[v], teacher[v]);
            }
            return sum;
        }
        double studentMass = 0;
        double teacherMass = 0;
        for (int v = 0; v < student.length; v++) {
            studentMass += support[v] * Math.exp(student[v]);
            teacherMass += support[v] * Math.exp(teacher[v]);
        }
        double studentLogMass = Math.log(studentMass);
        double teacherLogMass = Math.log(teacherMass);
        double sum = 0;
        for (int v = 0; v < student.length; v++) {
            if (support[v] != 0) {
                sum += support[v] * (config.tailBucket() ? entryTerm(student[v], teacher[v])
                        : entryTerm(student[v] - studentLogMass, teacher[v] - teacherLogMass));
            }
        }
        if (config.tailBucket()) {
            sum += entryTerm(tail(studentLogMass), tail(teacherLogMass));
        }
        return sum;
    }

    private static double tail(double logMass) {
        return Math.log(-Math.expm1(Math.min(logMass, TAIL_LOG_MASS_LIMIT)));
    }

    private double entryTerm(double a, double b) {
        double alpha = config.alpha();
        if (alpha == 0) {
            return Math.exp(b) * (b - a);
        }
        if (alpha == 1) {
            return Math.exp(a) * (a - b);
        }
        double left = a + Math.log(1 - alpha);
        double right = b + Math.log(alpha);
        double top = Math.max(left, right);
        double mixture = top + Math.log(Math.exp(left - top) + Math.exp(right - top));
        return (1 - alpha) * Math.exp(a) * (a - mixture) + alpha * Math.exp(b) * (b - mixture);
    }
}
