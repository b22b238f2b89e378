package org.cpt4j.drift;

import java.util.List;

/** A read-only view of a policy's parameters: named tensors, flattened in row-major order. */
public interface ParameterView {

    /** @return parameter names in the model's canonical order */
    List<String> names();

    /** @return the shape of {@code name} */
    long[] shape(String name);

    /** @return a copy of {@code name}'s values, row-major */
    double[] values(String name);
}
