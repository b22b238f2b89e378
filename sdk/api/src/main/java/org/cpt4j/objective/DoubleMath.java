package org.cpt4j.objective;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * {@link TensorMath} in plain Java double precision, the reference every formula is checked against. Each
 * operation computes both halves of a {@link DoubleTensor}; {@link #stopGradient} replaces the value by the
 * detached one.
 */
public final class DoubleMath implements TensorMath<DoubleTensor> {

    private final int length;

    /** @param length positions per sequence, {@code L} (what {@link #perToken} lays rows out by) */
    public DoubleMath(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a sequence has at least one position, was " + length);
        }
        this.length = length;
    }

    @Override
    public DoubleTensor constant(double value) {
        return DoubleTensor.scalar(value);
    }

    @Override
    public DoubleTensor add(DoubleTensor a, DoubleTensor b) {
        return binary(a, b, Double::sum);
    }

    @Override
    public DoubleTensor add(DoubleTensor a, double b) {
        return unary(a, x -> x + b);
    }

    @Override
    public DoubleTensor sub(DoubleTensor a, DoubleTensor b) {
        return binary(a, b, (x, y) -> x - y);
    }

    @Override
    public DoubleTensor mul(DoubleTensor a, DoubleTensor b) {
        return binary(a, b, (x, y) -> x * y);
    }

    @Override
    public DoubleTensor mul(DoubleTensor a, double b) {
        return unary(a, x -> x * b);
    }

    @Override
    public DoubleTensor div(DoubleTensor a, DoubleTensor b) {
        return binary(a, b, (x, y) -> x / y);
    }

    @Override
    public DoubleTensor neg(DoubleTensor a) {
        return unary(a, x -> -x);
    }

    @Override
    public DoubleTensor exp(DoubleTensor a) {
        return unary(a, Math::exp);
    }

    @Override
    public DoubleTensor log(DoubleTensor a) {
        return unary(a, Math::log);
    }

    @Override
    public DoubleTensor expm1(DoubleTensor a) {
        return unary(a, Math::expm1);
    }

    @Override
    public DoubleTensor abs(DoubleTensor a) {
        return unary(a, Math::abs);
    }

    @Override
    public DoubleTensor sign(DoubleTensor a) {
        return unary(a, Math::signum);
    }

    @Override
    public DoubleTensor clamp(DoubleTensor a, double low, double high) {
        return unary(a, x -> Math.max(low, Math.min(high, x)));
    }

    @Override
    public DoubleTensor greater(DoubleTensor a, DoubleTensor b) {
        return binary(a, b, (x, y) -> x > y ? 1 : 0);
    }

    @Override
    public DoubleTensor less(DoubleTensor a, DoubleTensor b) {
        return binary(a, b, (x, y) -> x < y ? 1 : 0);
    }

    @Override
    public DoubleTensor stopGradient(DoubleTensor a) {
        return new DoubleTensor(a.rows(), a.columns(), a.detached(), a.detached());
    }

    @Override
    public DoubleTensor sum(DoubleTensor a) {
        return new DoubleTensor(1, 1, new double[] {total(a.value())}, new double[] {total(a.detached())});
    }

    @Override
    public DoubleTensor count(DoubleTensor a) {
        return constant((double) a.rows() * a.columns());
    }

    @Override
    public DoubleTensor sumPositions(DoubleTensor perToken) {
        return rowReduction(perToken, false);
    }

    @Override
    public DoubleTensor sumVocabulary(DoubleTensor distribution) {
        return rowReduction(distribution, false);
    }

    @Override
    public DoubleTensor maxVocabulary(DoubleTensor distribution) {
        return rowReduction(distribution, true);
    }

    @Override
    public DoubleTensor perToken(DoubleTensor perPosition) {
        requireColumn(perPosition);
        if (perPosition.rows() % length != 0) {
            throw new IllegalArgumentException(perPosition.rows() + " positions are not sequences of " + length);
        }
        return new DoubleTensor(perPosition.rows() / length, length, perPosition.value(), perPosition.detached());
    }

    @Override
    public DoubleTensor perPosition(DoubleTensor perToken) {
        return new DoubleTensor(perToken.rows() * perToken.columns(), 1, perToken.value(), perToken.detached());
    }

    private static void requireColumn(DoubleTensor a) {
        if (a.columns() != 1) {
            throw new IllegalArgumentException("expected one value per position, was " + a.rows() + "×" + a.columns());
        }
    }

    private static double total(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    private static DoubleTensor rowReduction(DoubleTensor a, boolean maximum) {
        double[] value = new double[a.rows()];
        double[] detached = new double[a.rows()];
        for (int r = 0; r < a.rows(); r++) {
            value[r] = reduce(a.value(), r * a.columns(), a.columns(), maximum);
            detached[r] = reduce(a.detached(), r * a.columns(), a.columns(), maximum);
        }
        return new DoubleTensor(a.rows(), 1, value, detached);
    }

    private static double reduce(double[] values, int from, int count, boolean maximum) {
        double out = maximum ? Double.NEGATIVE_INFINITY : 0;
        for (int i = from; i < from + count; i++) {
            out = maximum ? Math.max(out, values[i]) : out + values[i];
        }
        return out;
    }

    private static DoubleTensor unary(DoubleTensor a, DoubleUnaryOperator f) {
        double[] value = new double[a.value().length];
        double[] detached = new double[value.length];
        for (int i = 0; i < value.length; i++) {
            value[i] = f.applyAsDouble(a.value()[i]);
            detached[i] = f.applyAsDouble(a.detached()[i]);
        }
        return new DoubleTensor(a.rows(), a.columns(), value, detached);
    }

    /** Applies {@code f} entry by entry, a dimension of size 1 standing for every index of the other's. */
    private static DoubleTensor binary(DoubleTensor a, DoubleTensor b, DoubleBinaryOperator f) {
        int rows = broadcast(a.rows(), b.rows(), a, b);
        int columns = broadcast(a.columns(), b.columns(), a, b);
        double[] value = new double[rows * columns];
        double[] detached = new double[value.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int i = index(a, r, c);
                int j = index(b, r, c);
                value[r * columns + c] = f.applyAsDouble(a.value()[i], b.value()[j]);
                detached[r * columns + c] = f.applyAsDouble(a.detached()[i], b.detached()[j]);
            }
        }
        return new DoubleTensor(rows, columns, value, detached);
    }

    private static int broadcast(int x, int y, DoubleTensor a, DoubleTensor b) {
        if (x != y && x != 1 && y != 1) {
            throw new IllegalArgumentException("cannot broadcast " + a.rows() + "×" + a.columns() + " against "
                    + b.rows() + "×" + b.columns());
        }
        return Math.max(x, y);
    }

    private static int index(DoubleTensor a, int r, int c) {
        return (a.rows() == 1 ? 0 : r) * a.columns() + (a.columns() == 1 ? 0 : c);
    }
}
