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

    /** @return the chosen token id */
    int choose(float[] logits, SplittableRandom random) {
        if (config.decodesGreedily()) {
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
