package org.cpt4j.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cpt4j.drift.ParameterView;

/** Named parameter tensors held in plain arrays: reference and drifted policies for drift-metric tests. */
public final class FixtureParameters implements ParameterView {

    private final Map<String, double[]> values;
    private final Map<String, long[]> shapes;

    private FixtureParameters(Map<String, double[]> values, Map<String, long[]> shapes) {
        this.values = values;
        this.shapes = shapes;
    }

    /** @return a matrix {@code 8 x 6}, a vector of 6 and a matrix {@code 6 x 4}, normal entries with std 0.5 */
    public static FixtureParameters random(SplittableRandom random) {
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        add(values, shapes, "block0/up_weight", new long[] {8, 6}, random);
        add(values, shapes, "block0/up_bias", new long[] {6}, random);
        add(values, shapes, "head/weight", new long[] {6, 4}, random);
        return new FixtureParameters(values, shapes);
    }

    private static void add(Map<String, double[]> values, Map<String, long[]> shapes, String name, long[] shape,
                            SplittableRandom random) {
        long size = 1;
        for (long dimension : shape) {
            size *= dimension;
        }
        double[] entries = new double[(int) size];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = 0.5 * random.nextGaussian();
        }
        values.put(name, entries);
        shapes.put(name, shape);
    }

    /**
     * @return a copy with entries moved by {@code scale} times a normal draw, one entry in {@code 1/density}, and
     *     at least one entry moved
     */
    public FixtureParameters drifted(SplittableRandom random, double scale, int density) {
        Map<String, double[]> moved = new LinkedHashMap<>();
        boolean anyMoved = false;
        for (Map.Entry<String, double[]> entry : values.entrySet()) {
            double[] copy = entry.getValue().clone();
            for (int i = 0; i < copy.length; i++) {
                if (random.nextInt(density) == 0) {
                    copy[i] += scale * random.nextGaussian();
                    anyMoved |= copy[i] != entry.getValue()[i];
                }
            }
            moved.put(entry.getKey(), copy);
        }
        if (!anyMoved) {
            // with density 10 each of the 78 entries is left alone with probability 0.9: all of them, 3 times in
            // 10,000 draws; a drifted policy moves
            moved.values().iterator().next()[0] += scale;
        }
        return new FixtureParameters(moved, shapes);
    }

    @Override
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    @Override
    public long[] shape(String name) {
        return shapes.get(name).clone();
    }

    @Override
    public double[] values(String name) {
        return values.get(name).clone();
    }
}
