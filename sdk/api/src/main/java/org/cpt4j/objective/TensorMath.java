package org.cpt4j.objective;

/**
 * The operations a loss formula is written in, so that one formula serves twice: on the SameDiff graph the
 * trainer differentiates ({@code TensorMath<SDVariable>}, from {@link LossGraph#math()}) and in plain Java double
 * precision ({@link DoubleMath}, through {@link ReferenceInputs}), where the contract tests check it.
 *
 * <p>Values are per token {@code [B, L]}, per sequence {@code [B, 1]}, per distribution entry {@code [B·L, V]}
 * (row {@code b·L + t}), per position of a distribution {@code [B·L, 1]}, or scalars. Binary operations broadcast:
 * a scalar against anything, a column {@code [R, 1]} against a matrix {@code [R, C]}. Comparisons give 0 or 1.
 *
 * @param <T> the value type: {@code SDVariable} on the graph, {@link DoubleTensor} in double precision
 */
public interface TensorMath<T> {

    /** @return the scalar {@code value} */
    T constant(double value);

    T add(T a, T b);

    T add(T a, double b);

    T sub(T a, T b);

    T mul(T a, T b);

    T mul(T a, double b);

    T div(T a, T b);

    T neg(T a);

    T exp(T a);

    T log(T a);

    /** @return {@code e^a − 1}, exact for small {@code a} */
    T expm1(T a);

    T abs(T a);

    /** @return −1, 0 or 1 by the sign of each entry */
    T sign(T a);

    /** @return {@code a} clamped into {@code [low, high]} */
    T clamp(T a, double low, double high);

    /** @return 1 where {@code a > b}, else 0 */
    T greater(T a, T b);

    /** @return 1 where {@code a < b}, else 0 */
    T less(T a, T b);

    /**
     * @return {@code condition · ifTrue + (1 − condition) · ifFalse} for a 0/1 {@code condition}: the gradient
     *     reaches only the chosen side, which {@code max} and {@code min} ops do not promise on ties
     */
    default T select(T condition, T ifTrue, T ifFalse) {
        return add(mul(condition, ifTrue), mul(add(neg(condition), 1.0), ifFalse));
    }

    /** @return the larger of each pair (the gradient goes to {@code b} on ties) */
    default T max(T a, T b) {
        return select(greater(a, b), a, b);
    }

    /** @return the smaller of each pair (the gradient goes to {@code b} on ties) */
    default T min(T a, T b) {
        return select(less(a, b), a, b);
    }

    /** @return {@code a} with no gradient flowing back through it */
    T stopGradient(T a);

    /** @return the sum of every entry, a scalar */
    T sum(T a);

    /** @return the number of entries of {@code a}, a scalar */
    T count(T a);

    /** @return each sequence's sum over its positions: {@code [B, L] → [B, 1]} */
    T sumPositions(T perToken);

    /** @return each position's sum over the vocabulary: {@code [B·L, V] → [B·L, 1]} */
    T sumVocabulary(T distribution);

    /** @return each position's maximum over the vocabulary: {@code [B·L, V] → [B·L, 1]} */
    T maxVocabulary(T distribution);

    /** @return one value per position laid out per token: {@code [B·L, 1] → [B, L]} */
    T perToken(T perPosition);

    /** @return one value per token laid out per position: {@code [B, L] → [B·L, 1]} */
    T perPosition(T perToken);
}
