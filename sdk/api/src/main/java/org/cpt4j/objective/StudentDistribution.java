package org.cpt4j.objective;

/**
 * The student's next-token distribution at one temperature, as a {@link LossInputs} computes it from the logits
 * ({@link LossInputs#student}):
 * {@code log p = z/τ − max(z/τ) − log Σ_v exp(z_v/τ − max(z/τ))} (shifted by the row's maximum so nothing
 * overflows; the shift's gradient cancels), the log-probability of each target and the entropy {@code −Σ p log p}.
 *
 * @param logProbs {@code [B·L, V]}
 * @param tokenLogProbs {@code [B, L]}
 * @param entropy {@code [B, L]}
 * @param <T> the value type
 */
public record StudentDistribution<T>(T logProbs, T tokenLogProbs, T entropy) {

    /**
     * @param logits {@code [B·L, V]}
     * @param oneHotTargets 1 at each position's target token, {@code [B·L, V]} (gather's gradient is broken in
     *     1.0.0-M2.1, a product with a one-hot is not)
     */
    public static <T> StudentDistribution<T> of(TensorMath<T> m, T logits, T oneHotTargets, double temperature) {
        T scaled = temperature == 1 ? logits : m.mul(logits, 1 / temperature);
        T shifted = m.sub(scaled, m.maxVocabulary(scaled));
        T logProbs = m.sub(shifted, m.log(m.sumVocabulary(m.exp(shifted))));
        T tokenLogProbs = m.perToken(m.sumVocabulary(m.mul(logProbs, oneHotTargets)));
        T entropy = m.perToken(m.neg(m.sumVocabulary(m.mul(m.exp(logProbs), logProbs))));
        return new StudentDistribution<>(logProbs, tokenLogProbs, entropy);
    }
}
