package org.cpt4j.plugins.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.ParameterView;
import org.cpt4j.testing.DriftMetricContract;
import org.cpt4j.testing.FixtureParameters;
import org.junit.jupiter.api.Test;

class SpectralDriftTest extends DriftMetricContract {

    private static final SpectralDrift TOP_TWO = new SpectralDrift(new SpectralDrift.Options(2));

    @Override
    protected DriftMetric driftMetric() {
        return new SpectralDrift(new SpectralDrift.Options(4));
    }

    /** One 6 x 5 matrix {@code w} (row-major), and a vector that the metric leaves out. */
    private record Single(double[] w) implements ParameterView {
        @Override
        public List<String> names() {
            return List.of("w", "bias");
        }

        @Override
        public long[] shape(String name) {
            return name.equals("w") ? new long[] {6, 5} : new long[] {5};
        }

        @Override
        public double[] values(String name) {
            return name.equals("w") ? w.clone() : new double[5];
        }
    }

    /** @return {@code diag(5, 4, 3, 2, 1)} on a 6 x 5 matrix: its singular vectors are the coordinate axes */
    private static double[] diagonal() {
        double[] w = new double[30];
        for (int i = 0; i < 5; i++) {
            w[i * 5 + i] = 5 - i;
        }
        return w;
    }

    @Property(tries = 50)
    void scalingEveryMatrixShiftsTheSpectrumByTheScaleAndRotatesNothing(@ForAll long seed,
            @ForAll @DoubleRange(min = 0.1, max = 3) double scale) {
        FixtureParameters base = FixtureParameters.random(new SplittableRandom(seed));
        ParameterView scaled = new ParameterView() {
            @Override
            public List<String> names() {
                return base.names();
            }

            @Override
            public long[] shape(String name) {
                return base.shape(name);
            }

            @Override
            public double[] values(String name) {
                double[] values = base.values(name);
                for (int i = 0; i < values.length; i++) {
                    values[i] *= scale;
                }
                return values;
            }
        };
        Map<String, Double> measured = driftMetric().measure(base, scaled);
        assertEquals(Math.abs(scale - 1), measured.get("spectral_shift"), 1e-9);
        assertEquals(0, measured.get("subspace_rotation"), 1e-9);
    }

    @Test
    void anUpdateInsideTheTopBlockIsAllPrincipalAndOneOutsideItNone() {
        double[] inside = diagonal();
        inside[1] += 0.3;      // (0, 1): top-2 rows and columns
        inside[5] -= 0.2;      // (1, 0)
        assertEquals(1, TOP_TWO.measure(new Single(diagonal()), new Single(inside)).get("update_in_principal"), 1e-12);
        double[] outside = diagonal();
        outside[3 * 5 + 4] += 0.3;  // (3, 4)
        outside[5 * 5 + 2] += 0.1;  // (5, 2)
        assertEquals(0, TOP_TWO.measure(new Single(diagonal()), new Single(outside)).get("update_in_principal"), 1e-12);
        double[] both = diagonal();
        both[1] += 0.3;
        both[3 * 5 + 4] += 0.3;
        assertEquals(0.5, TOP_TWO.measure(new Single(diagonal()), new Single(both)).get("update_in_principal"), 1e-12);
    }

    @Test
    void turningATopDirectionOntoAnotherKeepsTheSpectrumAndRotatesTheSubspace() {
        // rotate rows 1 and 4 by 90 degrees: the direction of singular value 4 leaves the top-2 left subspace
        double[] w = diagonal();
        double[] turned = w.clone();
        for (int j = 0; j < 5; j++) {
            turned[1 * 5 + j] = -w[4 * 5 + j];
            turned[4 * 5 + j] = w[1 * 5 + j];
        }
        Map<String, Double> measured = TOP_TWO.measure(new Single(w), new Single(turned));
        assertEquals(0, measured.get("spectral_shift"), 1e-12);
        assertEquals(0.5, measured.get("subspace_rotation"), 1e-12, "one of the two principal directions is now orthogonal");
        assertTrue(measured.get("update_in_principal") > 0 && measured.get("update_in_principal") < 1);
    }
}
