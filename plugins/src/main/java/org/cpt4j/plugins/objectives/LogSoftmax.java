package org.cpt4j.plugins.objectives;

/** Log-softmax in double precision, for the objectives' reference evaluations. */
final class LogSoftmax {

    private LogSoftmax() {
    }

    /** @return {@code z − log Σ exp z} of one row, computed from its maximum */
    static double[] of(double[] logits) {
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

    /** @return {@code −Σ p log p} of a log-distribution */
    static double entropy(double[] logProbs) {
        double entropy = 0;
        for (double logProb : logProbs) {
            entropy -= Math.exp(logProb) * logProb;
        }
        return entropy;
    }
}
