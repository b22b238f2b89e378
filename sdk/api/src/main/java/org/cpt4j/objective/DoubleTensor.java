package org.cpt4j.objective;

import java.util.Arrays;

/**
 * A matrix of doubles ({@code rows × columns}; a scalar is 1 × 1) as {@link DoubleMath} computes it: each entry
 * twice, its value and its value with every {@link TensorMath#stopGradient stop-gradient} quantity evaluated at
 * the detached inputs ({@link ReferenceInputs}). The two agree unless the inputs were given detached values of
 * their own; finite differences of the value with the detached inputs held fixed give the graph's gradient.
 * Immutable.
 */
public final class DoubleTensor {

    private final int rows;
    private final int columns;
    private final double[] value;
    private final double[] detached;

    DoubleTensor(int rows, int columns, double[] value, double[] detached) {
        this.rows = rows;
        this.columns = columns;
        this.value = value;
        this.detached = detached;
    }

    /** @return the matrix {@code values} ({@code [R][C]}, every row of one length) */
    public static DoubleTensor of(double[][] values) {
        return of(values, values);
    }

    /** @return the matrix {@code values} whose stop-gradient quantities are computed from {@code detached} */
    public static DoubleTensor of(double[][] values, double[][] detached) {
        int columns = values.length == 0 ? 0 : values[0].length;
        if (detached.length != values.length) {
            throw new IllegalArgumentException("detached values have " + detached.length + " rows, values "
                    + values.length);
        }
        double[] flat = new double[values.length * columns];
        double[] flatDetached = new double[flat.length];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != columns || detached[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values and "
                        + detached[r].length + " detached ones; row 0 has " + columns);
            }
            System.arraycopy(values[r], 0, flat, r * columns, columns);
            System.arraycopy(detached[r], 0, flatDetached, r * columns, columns);
        }
        return new DoubleTensor(values.length, columns, flat, flatDetached);
    }

    /** @return the scalar {@code value} */
    public static DoubleTensor scalar(double value) {
        return new DoubleTensor(1, 1, new double[] {value}, new double[] {value});
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** @return entry {@code (r, c)} */
    public double get(int r, int c) {
        return value[r * columns + c];
    }

    /** @return the value of a scalar */
    public double scalar() {
        if (value.length != 1) {
            throw new IllegalStateException("a " + rows + "×" + columns + " matrix is not a scalar");
        }
        return value[0];
    }

    /** @return a copy of the entries, {@code [R][C]} */
    public double[][] values() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(value, r * columns, (r + 1) * columns);
        }
        return out;
    }

    double[] value() {
        return value;
    }

    double[] detached() {
        return detached;
    }

    @Override
    public String toString() {
        return rows + "×" + columns + " " + Arrays.toString(value);
    }
}
