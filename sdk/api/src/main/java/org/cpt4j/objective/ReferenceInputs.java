package org.cpt4j.objective;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link LossInputs} in double precision: the student's logits (and the logits its stop-gradient quantities are
 * evaluated at) and a batch, for an objective's reference loss, its diagnostics, and finite-difference checks of
 * the graph's gradient.
 */
public final class ReferenceInputs implements LossInputs<DoubleTensor> {

    private final ObjectiveBatch batch;
    private final int vocabulary;
    private final DoubleMath math;
    private final DoubleTensor logits;
    private final DoubleTensor oneHotTargets;
    private final Map<Double, StudentDistribution<DoubleTensor>> students = new HashMap<>();

    /**
     * @param logits the student's logits, {@code [B][L][V]}
     * @param detachedLogits the logits the stop-gradient quantities are evaluated at (equal to {@code logits} for
     *     the loss itself)
     * @param batch the batch the graph would be fed
     */
    public ReferenceInputs(double[][][] logits, double[][][] detachedLogits, ObjectiveBatch batch) {
        this.batch = batch;
        this.vocabulary = logits[0][0].length;
        this.math = new DoubleMath(batch.length());
        this.logits = DoubleTensor.of(positions(logits, batch), positions(detachedLogits, batch));
        double[][] oneHot = new double[batch.rows() * batch.length()][vocabulary];
        for (int b = 0; b < batch.rows(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                oneHot[b * batch.length() + t][batch.target(b, t)] = 1;
            }
        }
        this.oneHotTargets = DoubleTensor.of(oneHot);
    }

    /** @return inputs whose stop-gradient quantities are evaluated at {@code logits} themselves */
    public static ReferenceInputs of(double[][][] logits, ObjectiveBatch batch) {
        return new ReferenceInputs(logits, logits, batch);
    }

    private static double[][] positions(double[][][] logits, ObjectiveBatch batch) {
        if (logits.length != batch.rows() || logits[0].length != batch.length()) {
            throw new IllegalArgumentException("logits of " + logits.length + " × " + logits[0].length
                    + " positions for a batch of " + batch.rows() + " × " + batch.length());
        }
        double[][] rows = new double[batch.rows() * batch.length()][];
        for (int b = 0; b < batch.rows(); b++) {
            System.arraycopy(logits[b], 0, rows, b * batch.length(), batch.length());
        }
        return rows;
    }

    @Override
    public TensorMath<DoubleTensor> math() {
        return math;
    }

    @Override
    public int length() {
        return batch.length();
    }

    @Override
    public int vocabulary() {
        return vocabulary;
    }

    @Override
    public StudentDistribution<DoubleTensor> student(double temperature) {
        return students.computeIfAbsent(temperature, t -> StudentDistribution.of(math, logits, oneHotTargets, t));
    }

    @Override
    public DoubleTensor mask() {
        return DoubleTensor.of(batch.mask());
    }

    @Override
    public DoubleTensor perToken(String name) {
        return DoubleTensor.of(batch.perToken(name));
    }

    @Override
    public DoubleTensor perTokenDistribution(String name) {
        double[][][] values = batch.perTokenDistribution(name);
        double[][] rows = new double[batch.rows() * batch.length()][];
        for (int b = 0; b < batch.rows(); b++) {
            System.arraycopy(values[b], 0, rows, b * batch.length(), batch.length());
        }
        return DoubleTensor.of(rows);
    }
}
