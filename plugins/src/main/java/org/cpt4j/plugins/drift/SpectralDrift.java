package org.cpt4j.plugins.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.ParameterView;
import org.cpt4j.spec.Problems;

/**
 * {@code spectral}: how each weight matrix's spectrum and principal directions moved, against the base. For every
 * matrix parameter {@code W} (vectors are left out) with base {@code W₀ = U₀ Σ₀ V₀ᵀ} and top-{@code k} singular
 * vectors {@code U₀ₖ, V₀ₖ}:
 * <ul>
 *   <li>{@code spectral_shift}: {@code ‖σ(W) − σ(W₀)‖ / ‖σ(W₀)‖}, singular values sorted, averaged over the
 *       matrices ({@code spectral_shift_max} the largest);</li>
 *   <li>{@code subspace_rotation}: {@code 1 − ‖U₀ₖᵀ Uₖ‖²_F / k}, one minus the mean squared cosine of the principal
 *       angles between the top-{@code k} left singular subspaces, averaged over the matrices;</li>
 *   <li>{@code update_in_principal}: {@code Σ ‖U₀ₖᵀ ΔW V₀ₖ‖²_F / Σ ‖ΔW‖²_F} over all matrices, {@code ΔW = W − W₀}:
 *       the share of the update's energy inside the base's principal block. "The Path Not Taken: RLVR Provably Learns
 *       Off the Principals" reports RLVR updating off the principal directions; 0 when nothing changed.</li>
 * </ul>
 */
public final class SpectralDrift implements DriftMetric {

    /**
     * The metric's parameters.
     *
     * @param topK principal directions compared per matrix (fewer when a matrix has fewer)
     */
    public record Options(int topK) {
        public Options {
            new Problems("drift").require(topK >= 1, "topK", "must be at least 1, was " + topK)
                    .throwIfAny("spectral drift parameters");
        }
    }

    private final int topK;

    public SpectralDrift(Options options) {
        this.topK = options.topK();
    }

    @Override
    public String id() {
        return "spectral";
    }

    @Override
    public Map<String, Double> measure(ParameterView reference, ParameterView current) {
        double shiftSum = 0;
        double shiftMax = 0;
        double rotationSum = 0;
        double inside = 0;
        double energy = 0;
        int matrices = 0;
        for (String name : reference.names()) {
            long[] shape = reference.shape(name);
            if (shape.length != 2) {
                continue;
            }
            int rows = Math.toIntExact(shape[0]);
            int columns = Math.toIntExact(shape[1]);
            double[] before = reference.values(name);
            double[] after = current.values(name);
            SingularValueDecomposition base = SingularValueDecomposition.of(before, rows, columns);
            SingularValueDecomposition now = SingularValueDecomposition.of(after, rows, columns);
            double shift = spectralShift(base.singularValues(), now.singularValues());
            shiftSum += shift;
            shiftMax = Math.max(shiftMax, shift);
            int k = Math.min(topK, base.singularValues().length);
            rotationSum += 1 - subspaceOverlap(base.u(), now.u(), k) / k;
            double[] update = new double[before.length];
            for (int i = 0; i < update.length; i++) {
                update[i] = after[i] - before[i];
                energy += update[i] * update[i];
            }
            inside += principalEnergy(update, rows, columns, base, k);
            matrices++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("spectral_shift", matrices == 0 ? 0 : shiftSum / matrices);
        out.put("spectral_shift_max", shiftMax);
        out.put("subspace_rotation", matrices == 0 ? 0 : Math.max(0, rotationSum / matrices));
        out.put("update_in_principal", energy == 0 ? 0 : inside / energy);
        return out;
    }

    private static double spectralShift(double[] base, double[] now) {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < base.length; i++) {
            difference += (now[i] - base[i]) * (now[i] - base[i]);
            norm += base[i] * base[i];
        }
        return norm == 0 ? Math.sqrt(difference) : Math.sqrt(difference / norm);
    }

    /** @return {@code ‖Aₖᵀ Bₖ‖²_F} for the first {@code k} columns of {@code a} and {@code b} */
    private static double subspaceOverlap(double[][] a, double[][] b, int k) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                double dot = 0;
                for (int i = 0; i < a.length; i++) {
                    dot += a[i][p] * b[i][q];
                }
                sum += dot * dot;
            }
        }
        return sum;
    }

    /** @return {@code ‖U₀ₖᵀ ΔW V₀ₖ‖²_F} */
    private static double principalEnergy(double[] update, int rows, int columns, SingularValueDecomposition base,
                                          int k) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
            double[] projected = new double[columns]; // u_pᵀ ΔW
            for (int i = 0; i < rows; i++) {
                double weight = base.u()[i][p];
                if (weight != 0) {
                    for (int j = 0; j < columns; j++) {
                        projected[j] += weight * update[i * columns + j];
                    }
                }
            }
            for (int q = 0; q < k; q++) {
                double entry = 0;
                for (int j = 0; j < columns; j++) {
                    entry += projected[j] * base.v()[j][q];
                }
                sum += entry * entry;
            }
        }
        return sum;
    }
}
