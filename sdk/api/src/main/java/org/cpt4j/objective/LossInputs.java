package org.cpt4j.objective;

/**
 * What a loss formula reads, for {@code B} sequences of {@code L} positions over a vocabulary of {@code V}: the
 * student's distributions (differentiable in its logits), the batch's mask and named inputs, and the
 * {@link TensorMath} to compute with. {@link LossGraph} is these on the SameDiff graph; {@link ReferenceInputs}
 * the same in double precision.
 *
 * <p>Per-token values are {@code [B, L]}; distributions {@code [B·L, V]}, row {@code b·L + t} for position
 * {@code t} of sequence {@code b}.
 *
 * @param <T> the value type of {@link #math()}
 */
public interface LossInputs<T> {

    /** @return the operations to compute with */
    TensorMath<T> math();

    /** @return positions per sequence, {@code L} */
    int length();

    /** @return vocabulary size, {@code V} */
    int vocabulary();

    /**
     * @param temperature what the logits are divided by before the log-softmax (TRL's and GKD's {@code temperature}:
     *     the sampling temperature, so that the loss sees the distribution the tokens were drawn from)
     * @return the student's distribution at {@code temperature}, computed once per temperature
     */
    StudentDistribution<T> student(double temperature);

    /** @return the student's log-probabilities of every token at {@code temperature}, {@code [B·L, V]} */
    default T logProbs(double temperature) {
        return student(temperature).logProbs();
    }

    /** @return the student's log-probability of each target token at {@code temperature}, {@code [B, L]} */
    default T tokenLogProbs(double temperature) {
        return student(temperature).tokenLogProbs();
    }

    /** @return the entropy of the student's next-token distribution at {@code temperature}, {@code [B, L]} */
    default T entropy(double temperature) {
        return student(temperature).entropy();
    }

    /** @return {@link #logProbs(double)} at temperature 1 */
    default T logProbs() {
        return logProbs(1);
    }

    /** @return {@link #tokenLogProbs(double)} at temperature 1 */
    default T tokenLogProbs() {
        return tokenLogProbs(1);
    }

    /** @return {@link #entropy(double)} at temperature 1 */
    default T entropy() {
        return entropy(1);
    }

    /** @return the batch's mask, {@code [B, L]} (1 on response tokens) */
    T mask();

    /** @return a per-token input of the batch, {@code [B, L]} */
    T perToken(String name);

    /** @return a per-token distribution input of the batch, {@code [B·L, V]} */
    T perTokenDistribution(String name);
}
