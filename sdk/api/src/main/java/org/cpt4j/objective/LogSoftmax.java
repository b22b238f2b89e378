package org.cpt4j.objective;

/**
 * Log-softmax and entropy in double precision, for references, samplers and scorers:
 * {@code log p_v = z_v − log Σ_u exp z_u}, computed from the row's maximum so that nothing overflows.
 */
public final class LogSoftmax {

    private LogSoftmax() {
    }

    /** @return the log-distribution of one row of logits */
    public static double[] of(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : logits) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (double value : logits) {
            sum += Math.exp(value - max);
        }
        double logSum = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - logSum;
        }
        return out;
    }

    /** @return the log-distribution of one row of float logits, in double precision */
    public static double[] of(float[] logits) {
        double[] widened = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            widened[i] = logits[i];
        }
        return of(widened);
    }

    /** @return {@code −Σ p log p} of a log-distribution */
    public static double entropy(double[] logProbs) {
        double entropy = 0;
        for (double logProb : logProbs) {
            entropy -= Math.exp(logProb) * logProb;
        }
        return entropy;
    }
}
