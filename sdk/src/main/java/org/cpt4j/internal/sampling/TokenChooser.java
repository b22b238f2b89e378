package org.cpt4j.internal.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cpt4j.sampling.SamplingConfig;

/** Picks a next token from logits by a {@link SamplingConfig}; scores it under the untempered policy. */
final class TokenChooser {

    private final SamplingConfig config;

    TokenChooser(SamplingConfig config) {
        this.config = config;
    }

    /** @return log-softmax of {@code logits} in double precision */
    static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float value : logits) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (float value : logits) {
            sum += Math.exp(value - max);
        }
        double logSum = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - logSum;
        }
        return out;
    }

    /** @return {@code -Σ p log p} of a log-distribution */
    static double entropy(double[] logProbs) {
        double entropy = 0;
        for (double logProb : logProbs) {
            entropy -= Math.exp(logProb) * logProb;
        }
        return entropy;
    }

    /** @return the chosen token id */
    int choose(float[] logits, SplittableRandom random) {
        if (config.isGreedy()) {
            return argmax(logits);
        }
        Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b));
        int kept = config.topK() == 0 ? logits.length : Math.min(config.topK(), logits.length);
        double top = logits[order[0]] / config.temperature();
        double[] weights = new double[kept];
        double total = 0;
        for (int i = 0; i < kept; i++) {
            weights[i] = Math.exp(logits[order[i]] / config.temperature() - top);
            total += weights[i];
        }
        if (config.topP() < 1) {
            double mass = 0;
            int nucleus = 0;
            while (nucleus < kept && mass < config.topP() * total) {
                mass += weights[nucleus++];
            }
            kept = Math.max(nucleus, 1);
            total = mass;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < kept - 1; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return order[i];
            }
        }
        return order[kept - 1];
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
