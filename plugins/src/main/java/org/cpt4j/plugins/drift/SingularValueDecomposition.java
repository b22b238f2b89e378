package org.cpt4j.plugins.drift;

import java.util.Arrays;

/**
 * The thin singular value decomposition {@code A = U Σ Vᵀ} of a small dense matrix, by one-sided Jacobi
 * rotations (Hestenes 1958; Demmel &amp; Veselić 1992): columns are rotated in pairs until all are orthogonal, so
 * their norms are the singular values. Double precision, deterministic, accurate to about 1e-13 relative for the
 * matrices of the models cpt4j trains (at most a few hundred on a side).
 *
 * @param u left singular vectors, {@code m x r}, columns orthonormal ({@code r = min(m, n)}; a column of a zero
 *     singular value is zero)
 * @param singularValues {@code r} values, descending
 * @param v right singular vectors, {@code n x r}, columns orthonormal
 */
record SingularValueDecomposition(double[][] u, double[] singularValues, double[][] v) {

    private static final int MAX_SWEEPS = 80;
    private static final double TOLERANCE = 1e-15;

    /** @return the decomposition of {@code a}, {@code rows x columns} in row-major order */
    static SingularValueDecomposition of(double[] a, int rows, int columns) {
        if (columns > rows) {
            SingularValueDecomposition transposed = of(transpose(a, rows, columns), columns, rows);
            return new SingularValueDecomposition(transposed.v, transposed.singularValues, transposed.u);
        }
        int m = rows;
        int n = columns;
        double[][] work = new double[n][m]; // column-major: work[j] is column j
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                work[j][i] = a[i * n + j];
            }
        }
        double[][] vColumns = new double[n][n];
        for (int j = 0; j < n; j++) {
            vColumns[j][j] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = dot(work[p], work[p]);
                    double beta = dot(work[q], work[q]);
                    double gamma = dot(work[p], work[q]);
                    if (Math.abs(gamma) <= TOLERANCE * Math.sqrt(alpha * beta) || gamma == 0) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(work[p], work[q], c, s);
                    rotate(vColumns[p], vColumns[q], c, s);
                }
            }
            if (!rotated) {
                break;
            }
        }
        Integer[] order = new Integer[n];
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            norms[j] = Math.sqrt(dot(work[j], work[j]));
        }
        Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        double[][] u = new double[m][n];
        double[][] v = new double[n][n];
        double[] sigma = new double[n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            sigma[k] = norms[j];
            for (int i = 0; i < m; i++) {
                u[i][k] = norms[j] == 0 ? 0 : work[j][i] / norms[j];
            }
            for (int i = 0; i < n; i++) {
                v[i][k] = vColumns[j][i];
            }
        }
        return new SingularValueDecomposition(u, sigma, v);
    }

    private static void rotate(double[] p, double[] q, double c, double s) {
        for (int i = 0; i < p.length; i++) {
            double x = p[i];
            double y = q[i];
            p[i] = c * x - s * y;
            q[i] = s * x + c * y;
        }
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static double[] transpose(double[] a, int rows, int columns) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                t[j * rows + i] = a[i * columns + j];
            }
        }
        return t;
    }
}
