package org.cpt4j.internal.model;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cpt4j.model.OptimizerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AdamW over a {@link Parameters} set, updating the arrays in place (see {@link OptimizerConfig} for the
 * rule). The moment update and bias correction run in ND4J's fused {@code adam_updater} op, one native call per
 * parameter, which computes {@code u = lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε)} (the "efficient" form of Kingma and
 * Ba, Algorithm 1 note; ε acts on the uncorrected √v).
 */
final class AdamW {

    private OptimizerConfig config;
    private final Parameters firstMoment;
    private final Parameters secondMoment;
    private final Set<String> decayed;
    private long step;

    AdamW(OptimizerConfig config, TransformerLayout layout, Parameters firstMoment, Parameters secondMoment, long step) {
        this.config = config;
        this.firstMoment = firstMoment;
        this.secondMoment = secondMoment;
        this.decayed = layout.entries().stream().filter(TransformerLayout.Entry::decayed)
                .map(TransformerLayout.Entry::name).collect(Collectors.toUnmodifiableSet());
        this.step = step;
    }

    long step() {
        return step;
    }

    Parameters firstMoment() {
        return firstMoment;
    }

    Parameters secondMoment() {
        return secondMoment;
    }

    /** Goes on with {@code value}'s settings (a rollback's changed learning rate), keeping moments and step. */
    void reconfigure(OptimizerConfig value) {
        config = value;
    }

    void restore(Parameters first, Parameters second, long restoredStep) {
        firstMoment.assign(first);
        secondMoment.assign(second);
        this.step = restoredStep;
    }

    /** What one call of {@link #apply} did. */
    record Update(double learningRate, double gradientNorm, boolean skipped) {
    }

    /**
     * Clips {@code gradients} to the global norm limit and applies one AdamW update to {@code parameters}.
     * A non-finite gradient norm skips the update (parameters, moments and step unchanged). The gradient arrays
     * are overwritten.
     */
    Update apply(Parameters parameters, Map<String, INDArray> gradients) {
        double learningRate = config.learningRateAt(step);
        double squares = 0;
        for (String name : parameters.names()) {
            double norm = gradient(gradients, name).norm2Number().doubleValue();
            squares += norm * norm;
        }
        double norm = Math.sqrt(squares);
        if (!Double.isFinite(norm)) {
            return new Update(learningRate, norm, true);
        }
        double clip = config.maxGradNorm() > 0 && norm > config.maxGradNorm() ? config.maxGradNorm() / norm : 1.0;
        double decay = 1.0 - learningRate * config.weightDecay();
        int iteration = Math.toIntExact(step);
        for (String name : parameters.names()) {
            INDArray gradient = gradient(gradients, name);
            if (clip != 1.0) {
                gradient.muli(clip);
            }
            INDArray m = firstMoment.get(name);
            INDArray v = secondMoment.get(name);
            Nd4j.exec(new AdamUpdater(gradient, v, m, gradient, v, m,
                    learningRate, config.beta1(), config.beta2(), config.epsilon(), iteration));
            INDArray parameter = parameters.get(name);
            if (decayed.contains(name) && decay != 1.0) {
                parameter.muli(decay);
            }
            parameter.subi(gradient);
        }
        step++;
        return new Update(learningRate, norm, false);
    }

    private static INDArray gradient(Map<String, INDArray> gradients, String name) {
        INDArray gradient = gradients.get(name);
        if (gradient == null) {
            throw new IllegalStateException("the graph produced no gradient for parameter '" + name + "'");
        }
        return gradient;
    }
}
