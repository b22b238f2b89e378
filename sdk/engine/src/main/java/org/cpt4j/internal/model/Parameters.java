package org.cpt4j.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cpt4j.drift.ParameterView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ordered set of named parameter arrays. The order is the model's canonical order (embeddings, blocks,
 * final norm, head) and is the order of every file that holds parameters.
 *
 * <p>The arrays are live: graphs read them in place and the optimizer updates them in place, so a graph built
 * over a {@code Parameters} sees every update without a copy. As a {@link ParameterView} it gives drift metrics
 * copies of the values.
 */
public final class Parameters implements ParameterView {

    private final Map<String, INDArray> arrays;

    Parameters(Map<String, INDArray> arrays) {
        this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    /** @return parameter names in canonical order */
    @Override
    public List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    /** @return the live array of {@code name} */
    public INDArray get(String name) {
        INDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; known: " + arrays.keySet());
        }
        return array;
    }

    /** @return the live arrays by name, in canonical order (the map itself is read-only) */
    public Map<String, INDArray> asMap() {
        return arrays;
    }

    @Override
    public long[] shape(String name) {
        return get(name).shape();
    }

    @Override
    public double[] values(String name) {
        return get(name).reshape(-1).toDoubleVector();
    }

    /** @return the element type shared by every array */
    public DataType dataType() {
        return arrays.values().iterator().next().dataType();
    }

    /** @return number of scalars over all arrays */
    public long size() {
        return arrays.values().stream().mapToLong(INDArray::length).sum();
    }

    /** @return a deep copy, detached from this set */
    public Parameters copy() {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copies.put(name, array.dup()));
        return new Parameters(copies);
    }

    /**
     * Overwrites every array in place with the values of {@code source}, which must have the same names and
     * shapes; graphs built over this set see the new values.
     */
    public void assign(Parameters source) {
        requireSameLayout(source.arrays.keySet(), source);
        arrays.forEach((name, array) -> array.assign(source.arrays.get(name)));
    }

    /**
     * Overwrites every array in place with {@code (1 − weight)·from + weight·to}; all three sets must share
     * names and shapes ({@code this} may be {@code from} or {@code to}).
     */
    public void interpolate(Parameters from, Parameters to, double weight) {
        requireSameLayout(from.arrays.keySet(), from);
        requireSameLayout(to.arrays.keySet(), to);
        arrays.forEach((name, array) -> array.assign(from.arrays.get(name).mul(1 - weight)
                .addi(to.arrays.get(name).mul(weight))));
    }

    /** @return whether both sets hold the same names, shapes and bit-identical values */
    public boolean sameValues(Parameters other) {
        if (!arrays.keySet().equals(other.arrays.keySet())) {
            return false;
        }
        return arrays.entrySet().stream().allMatch(e -> e.getValue().equals(other.arrays.get(e.getKey())));
    }

    private void requireSameLayout(Set<String> names, Parameters source) {
        if (!arrays.keySet().equals(names)) {
            throw new IllegalArgumentException("parameter names differ: expected " + arrays.keySet() + ", got " + names);
        }
        arrays.forEach((name, array) -> {
            long[] expected = array.shape();
            long[] actual = source.arrays.get(name).shape();
            if (!java.util.Arrays.equals(expected, actual)) {
                throw new IllegalArgumentException("parameter '" + name + "' has shape " + java.util.Arrays.toString(actual)
                        + ", expected " + java.util.Arrays.toString(expected));
            }
        });
    }
}
