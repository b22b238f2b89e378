package org.cpt4j.testing;

import java.util.HashMap;
import java.util.Map;
import org.cpt4j.objective.LossTerms;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.SameDiffLossGraph;
import org.cpt4j.objective.ObjectiveBatch;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An objective's loss graph over a bare logits variable, for tests: evaluates the SameDiff loss, its
 * diagnostics and its gradient with respect to the logits for given logits and batch, so they can be compared
 * with the objective's double-precision reference and with finite differences.
 */
public final class ObjectiveProbe {

    private static final String LOGITS = "objective/logits";

    private final SameDiff sd;
    private final SameDiffLossGraph context;
    private final LossTerms<SDVariable> terms;
    private final int length;
    private final int vocabulary;
    private final DataType type;

    /** A probe of {@code objective} for batches of {@code rows x length} positions over {@code vocabulary}. */
    public ObjectiveProbe(Objective objective, int rows, int length, int vocabulary, DataType type) {
        this.sd = SameDiff.create();
        this.length = length;
        this.vocabulary = vocabulary;
        this.type = type;
        SDVariable logits = sd.var(LOGITS, type, (long) rows * length, vocabulary);
        this.context = new SameDiffLossGraph(sd, logits, length, vocabulary, type);
        this.terms = context.define(objective);
    }

    /** The loss, its diagnostics and the gradient of the loss in the logits {@code [B][L][V]}. */
    public record Result(double loss, Map<String, Double> diagnostics, double[][][] gradient) {
    }

    /** @return loss, diagnostics and gradient at {@code logits} {@code [B][L][V]} */
    public Result evaluate(double[][][] logits, ObjectiveBatch batch) {
        int rows = logits.length;
        double[][] flat = new double[rows * length][];
        for (int b = 0; b < rows; b++) {
            System.arraycopy(logits[b], 0, flat, b * length, length);
        }
        sd.getVariable(LOGITS).setArray(Nd4j.createFromArray(flat).castTo(type));
        Map<String, INDArray> feed = new HashMap<>(context.feed(batch));
        Map<String, INDArray> gradients = sd.calculateGradients(feed, LOGITS);
        double[][] flatGradient = gradients.get(LOGITS).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][][] gradient = new double[rows][length][];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                gradient[b][t] = flatGradient[b * length + t];
            }
        }
        String[] names = terms.diagnostics().values().stream().map(SDVariable::name).toArray(String[]::new);
        String[] outputs = new String[names.length + 1];
        outputs[0] = terms.loss().name();
        System.arraycopy(names, 0, outputs, 1, names.length);
        Map<String, INDArray> values = sd.output(feed, outputs);
        Map<String, Double> diagnostics = new HashMap<>();
        terms.diagnostics().forEach((metric, variable) -> diagnostics.put(metric, values.get(variable.name()).getDouble(0)));
        return new Result(values.get(outputs[0]).getDouble(0), diagnostics, gradient);
    }
}
