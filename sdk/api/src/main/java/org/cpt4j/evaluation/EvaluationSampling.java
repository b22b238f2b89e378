package org.cpt4j.evaluation;

import org.cpt4j.spec.Problems;

/**
 * How an evaluation samples: greedy (one response per task, the most likely token at each step), or pass@k
 * ({@code samples} responses per task at {@code temperature}; a task counts as solved when one of them is correct).
 *
 * @param temperature 0 for greedy; positive with several samples
 * @param samples responses per task, at least 1
 */
public record EvaluationSampling(double temperature, int samples) {

    /** The most responses per task (pass@k's k). */
    public static final int MAX_SAMPLES = 4_096;

    public EvaluationSampling {
        Problems problems = new Problems("sampling");
        problems.require(samples >= 1 && samples <= MAX_SAMPLES, "samples",
                "must be within 1 .. " + MAX_SAMPLES + ", was " + samples);
        problems.require(temperature >= 0 && Double.isFinite(temperature), "temperature",
                "must be 0 (greedy) or positive, was " + temperature);
        problems.require(samples == 1 || temperature > 0, "temperature",
                "must be positive when several samples are drawn (they would all be the greedy one), was " + temperature);
        problems.throwIfAny("evaluation sampling");
    }

    /** @return greedy decoding, one response per task */
    public static EvaluationSampling greedy() {
        return new EvaluationSampling(0, 1);
    }

    /** @return pass@k: {@code k} responses per task at {@code temperature} */
    public static EvaluationSampling passAtK(int k, double temperature) {
        return new EvaluationSampling(temperature, k);
    }

    /** @return whether this is greedy decoding */
    public boolean decodesGreedily() {
        return samples == 1 && temperature == 0;
    }
}
