package org.cpt4j.internal.rl;

import java.util.Optional;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.teacher.Teacher;

/**
 * The teacher's weights beside the live policy's, and the anchor (the policy when post-training started), each
 * scored by a {@link SequenceScorer} without a graph. Schedules update the teacher in place.
 */
final class TeacherWeights implements Teacher {

    /** Where the teacher's logits come from. */
    enum Source { OWN, POLICY, LOGIT_MIX }

    private final Parameters policy;
    private final Parameters own;
    private final Parameters anchor;
    private final SequenceScorer ownScorer;
    private final SequenceScorer policyScorer;
    private final SequenceScorer anchorScorer;
    private Source source = Source.OWN;
    private double logitRate;

    TeacherWeights(ModelConfig config, Parameters policy, Kernels kernels) {
        this.policy = policy;
        this.own = policy.copy();
        this.anchor = policy.copy();
        this.ownScorer = kernels.scorer(config, own);
        this.policyScorer = kernels.scorer(config, policy);
        this.anchorScorer = kernels.scorer(config, anchor);
    }

    @Override
    public void copyPolicy() {
        own.assign(policy);
        source = Source.OWN;
    }

    @Override
    public void moveTowardPolicy(double rate) {
        own.interpolate(own, policy, rate);
        source = Source.OWN;
    }

    @Override
    public void blendWithAnchor(double anchorWeight) {
        own.interpolate(policy, anchor, anchorWeight);
        source = Source.OWN;
    }

    @Override
    public void followPolicy() {
        source = Source.POLICY;
    }

    @Override
    public void mixLogits(double rate) {
        source = Source.LOGIT_MIX;
        logitRate = rate;
    }

    /** @return the teacher's log-distributions at every position of each sequence */
    double[][][] logProbs(int[][] sequences) {
        return switch (source) {
            case OWN -> SequenceScorer.logSoftmax(ownScorer.logits(sequences));
            case POLICY -> SequenceScorer.logSoftmax(policyScorer.logits(sequences));
            case LOGIT_MIX -> {
                double[][][] mixed = anchorScorer.logits(sequences);
                double[][][] live = policyScorer.logits(sequences);
                for (int i = 0; i < mixed.length; i++) {
                    for (int t = 0; t < mixed[i].length; t++) {
                        for (int v = 0; v < mixed[i][t].length; v++) {
                            mixed[i][t][v] += logitRate * (live[i][t][v] - mixed[i][t][v]);
                        }
                    }
                }
                yield SequenceScorer.logSoftmax(mixed);
            }
        };
    }

    /** @return the reference (anchor) policy's log-distributions at every position of each sequence */
    double[][][] referenceLogProbs(int[][] sequences) {
        return SequenceScorer.logSoftmax(anchorScorer.logits(sequences));
    }

    /** @return the live policy's log-distributions at every position of each sequence */
    double[][][] policyLogProbs(int[][] sequences) {
        return SequenceScorer.logSoftmax(policyScorer.logits(sequences));
    }

    /**
     * @return the weights the teacher's logits come from, to sample from it: its own, or the live policy's; empty when
     *     its logits mix two models' (no single set of weights samples like it)
     */
    Optional<Parameters> sampledWeights() {
        return switch (source) {
            case OWN -> Optional.of(own);
            case POLICY -> Optional.of(policy);
            case LOGIT_MIX -> Optional.empty();
        };
    }

    /** @return the teacher's own weights (for checkpoints and tests) */
    Parameters weights() {
        return own;
    }

    /** @return where the teacher's logits come from and the logit-mix rate, for checkpoints */
    TeacherMode mode() {
        return new TeacherMode(source.name(), logitRate);
    }

    /** Restores a checkpoint's teacher: its own weights and its mode. */
    void restore(Parameters weights, TeacherMode mode) {
        own.assign(weights);
        source = Source.valueOf(mode.source());
        logitRate = mode.logitRate();
    }
}
