package org.cpt4j.objective;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link LossGraph} an objective's loss is declared on: the engine builds one over its transformer's logits,
 * and the contract tests over a bare logits variable {@code [B·L, V]}. Log-softmax is written by hand
 * ({@code sd.nn.logSoftmax} breaks gradients in 1.0.0-M2.1; {@link StudentDistribution}); target log-probabilities
 * are taken with a one-hot product (gather's gradient is broken). Placeholders are created when the objective first asks for them;
 * {@link #feed} fills them from a batch.
 */
public final class SameDiffLossGraph implements LossGraph {

    /** The name {@link #define} gives the loss variable. */
    public static final String LOSS = "loss";
    static final String TARGETS = "objective/targets";
    static final String MASK = "objective/mask";
    private static final String PER_TOKEN = "objective/token/";
    private static final String DISTRIBUTION = "objective/distribution/";

    private final SameDiff sd;
    private final int length;
    private final int vocabulary;
    private final DataType type;
    private final GraphMath math;
    private final SDVariable logits;
    private final SDVariable oneHotTargets;
    private final SDVariable mask;
    private final Map<Double, StudentDistribution<SDVariable>> students = new HashMap<>();
    private final Map<String, SDVariable> perToken = new LinkedHashMap<>();
    private final Map<String, SDVariable> distributions = new LinkedHashMap<>();

    /**
     * @param sd the graph {@code logits} belongs to
     * @param logits the logits {@code [B·L, V]}, rows in (sequence, position) order
     * @param length positions per sequence
     * @param vocabulary the vocabulary size
     * @param type the float type of the graph
     */
    public SameDiffLossGraph(SameDiff sd, SDVariable logits, int length, int vocabulary, DataType type) {
        this.sd = sd;
        this.length = length;
        this.vocabulary = vocabulary;
        this.type = type;
        this.math = new GraphMath(sd, length, type);
        this.logits = logits;
        this.oneHotTargets = sd.oneHot(sd.placeHolder(TARGETS, DataType.INT, -1), vocabulary, -1, 1.0, 0.0, type);
        this.mask = sd.reshape(sd.placeHolder(MASK, type, -1), -1, length);
    }

    @Override
    public SameDiff sameDiff() {
        return sd;
    }

    @Override
    public TensorMath<SDVariable> math() {
        return math;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int vocabulary() {
        return vocabulary;
    }

    @Override
    public StudentDistribution<SDVariable> student(double temperature) {
        return students.computeIfAbsent(temperature, t -> StudentDistribution.of(math, logits, oneHotTargets, t));
    }

    @Override
    public SDVariable mask() {
        return mask;
    }

    @Override
    public SDVariable perToken(String name) {
        return perToken.computeIfAbsent(name, n -> sd.reshape(sd.placeHolder(PER_TOKEN + n, type, -1), -1, length));
    }

    @Override
    public SDVariable perTokenDistribution(String name) {
        return distributions.computeIfAbsent(name, n -> sd.placeHolder(DISTRIBUTION + n, type, -1, vocabulary));
    }

    /**
     * Declares {@code objective}'s loss on this graph, names it {@link #LOSS}, makes it the graph's loss and builds
     * its gradient function (discarding the line per op that SameDiff prints to standard output while it does).
     *
     * @return the loss and diagnostics the objective declared
     */
    public LossTerms<SDVariable> define(Objective objective) {
        LossTerms<SDVariable> terms = objective.define(this);
        terms.loss().rename(LOSS);
        sd.setLossVariables(LOSS);
        QuietStdout.call(() -> {
            sd.createGradFunction();
            return null;
        });
        return terms;
    }

    /**
     * @return placeholder values for {@code batch}, whose length must be this graph's (shorter rows padded by
     *     the caller)
     * @throws IllegalArgumentException naming an input the objective asked for and the batch lacks
     */
    public Map<String, INDArray> feed(ObjectiveBatch batch) {
        if (batch.length() != length) {
            throw new IllegalArgumentException("batch of length " + batch.length() + " fed to a graph of length " + length);
        }
        int rows = batch.rows();
        int[] targets = new int[rows * length];
        double[] flatMask = new double[rows * length];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                targets[b * length + t] = batch.target(b, t);
                flatMask[b * length + t] = batch.mask(b, t);
            }
        }
        Map<String, INDArray> feed = new LinkedHashMap<>();
        feed.put(TARGETS, Nd4j.createFromArray(targets));
        feed.put(MASK, Nd4j.createFromArray(flatMask).castTo(type));
        for (String name : perToken.keySet()) {
            requirePresent(name, batch.perTokenNames().contains(name), "per-token");
            feed.put(PER_TOKEN + name, Nd4j.createFromArray(flatten(batch.perToken(name))).castTo(type));
        }
        for (String name : distributions.keySet()) {
            requirePresent(name, batch.perTokenDistributionNames().contains(name), "per-token distribution");
            double[][][] values = batch.perTokenDistribution(name);
            double[][] rowsOfV = new double[rows * length][];
            for (int b = 0; b < rows; b++) {
                System.arraycopy(values[b], 0, rowsOfV, b * length, length);
            }
            feed.put(DISTRIBUTION + name, Nd4j.createFromArray(rowsOfV).castTo(type));
        }
        return feed;
    }

    private static void requirePresent(String name, boolean present, String kind) {
        if (!present) {
            throw new IllegalArgumentException("the objective reads the " + kind + " input '" + name
                    + "', which the batch does not hold");
        }
    }

    private static double[] flatten(double[][] values) {
        int length = values[0].length;
        double[] out = new double[values.length * length];
        for (int b = 0; b < values.length; b++) {
            System.arraycopy(values[b], 0, out, b * length, length);
        }
        return out;
    }
}
