package org.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.objective.FormulaObjective;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The laws every {@link Objective} obeys: its SameDiff loss equals its double-precision reference (relative
 * 1e-4 in float32), its gradient in the logits matches central finite differences of the reference with the
 * stop-gradient quantities held at the unperturbed logits (double precision), masked positions contribute
 * nothing, and a {@link FormulaObjective}'s diagnostics are the same in both. A test extends this class, names the objective and
 * builds a batch of its inputs for given logits, targets and mask.
 */
public abstract class ObjectiveContract {

    /** @return the objective under test */
    protected abstract Objective objective();

    /**
     * @return the batch the objective reads for these logits {@code [B][L][V]}, targets and mask, its other
     *     inputs drawn from {@code random}
     */
    protected abstract ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random);

    private record Case(double[][][] logits, ObjectiveBatch batch) {
    }

    private Case draw(long seed, int rows, int length, int vocabulary) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] logits = ObjectiveInputs.logits(random, rows, length, vocabulary, 3.0);
        int[][] targets = ObjectiveInputs.targets(random, rows, length, vocabulary);
        double[][] mask = ObjectiveInputs.responseMask(random, rows, length);
        return new Case(logits, batch(logits, targets, mask, random));
    }

    @Property(tries = 40)
    void graphLossEqualsTheReference(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int rows,
                                     @ForAll @IntRange(min = 1, max = 5) int length,
                                     @ForAll @IntRange(min = 2, max = 7) int vocabulary) {
        Case c = draw(seed, rows, length, vocabulary);
        double reference = objective().referenceLoss(c.logits(), c.batch());
        double graph = new ObjectiveProbe(objective(), rows, length, vocabulary, DataType.FLOAT)
                .evaluate(c.logits(), c.batch()).loss();
        assertTrue(Double.isFinite(reference), "reference loss " + reference);
        assertEquals(reference, graph, 1e-4 * Math.max(1, Math.abs(reference)));
    }

    /**
     * A {@link FormulaObjective}'s diagnostics in double precision ({@link FormulaObjective#referenceDiagnostics}) are
     * the graph's: every name, every value (relative 1e-4 in float32).
     */
    @Property(tries = 20)
    void graphDiagnosticsEqualTheReference(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int rows,
                                           @ForAll @IntRange(min = 1, max = 5) int length,
                                           @ForAll @IntRange(min = 2, max = 7) int vocabulary) {
        if (!(objective() instanceof FormulaObjective formula)) {
            return;
        }
        Case c = draw(seed, rows, length, vocabulary);
        Map<String, Double> reference = formula.referenceDiagnostics(c.logits(), c.batch());
        Map<String, Double> graph = new ObjectiveProbe(objective(), rows, length, vocabulary, DataType.FLOAT)
                .evaluate(c.logits(), c.batch()).diagnostics();
        assertEquals(reference.keySet(), graph.keySet());
        reference.forEach((name, value) -> assertEquals(value, graph.get(name), 1e-4 * Math.max(1, Math.abs(value)), name));
    }

    @Property(tries = 15)
    void gradientMatchesFiniteDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int rows,
                                          @ForAll @IntRange(min = 1, max = 4) int length,
                                          @ForAll @IntRange(min = 2, max = 5) int vocabulary) {
        Case c = draw(seed, rows, length, vocabulary);
        double[][][] gradient = new ObjectiveProbe(objective(), rows, length, vocabulary, DataType.DOUBLE)
                .evaluate(c.logits(), c.batch()).gradient();
        double step = 1e-6;
        double[][][] detached = copy(c.logits());
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                for (int v = 0; v < vocabulary; v++) {
                    double original = c.logits()[b][t][v];
                    c.logits()[b][t][v] = original + step;
                    double up = objective().referenceLoss(c.logits(), detached, c.batch());
                    c.logits()[b][t][v] = original - step;
                    double down = objective().referenceLoss(c.logits(), detached, c.batch());
                    c.logits()[b][t][v] = original;
                    double numeric = (up - down) / (2 * step);
                    assertEquals(numeric, gradient[b][t][v], 1e-5 + 1e-4 * Math.abs(numeric),
                            "d loss / d logits[" + b + "][" + t + "][" + v + "]");
                }
            }
        }
    }

    private static double[][][] copy(double[][][] logits) {
        double[][][] out = new double[logits.length][][];
        for (int b = 0; b < logits.length; b++) {
            out[b] = new double[logits[b].length][];
            for (int t = 0; t < logits[b].length; t++) {
                out[b][t] = logits[b][t].clone();
            }
        }
        return out;
    }

    @Property(tries = 30)
    void maskedPositionsContributeNothing(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int rows,
                                          @ForAll @IntRange(min = 1, max = 5) int length,
                                          @ForAll @IntRange(min = 2, max = 7) int vocabulary) {
        Case c = draw(seed, rows, length, vocabulary);
        double before = objective().referenceLoss(c.logits(), c.batch());
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                if (c.batch().mask(b, t) == 0) {
                    for (int v = 0; v < vocabulary; v++) {
                        c.logits()[b][t][v] = 5 * (2 * random.nextDouble() - 1);
                    }
                }
            }
        }
        assertEquals(before, objective().referenceLoss(c.logits(), c.batch()), 1e-12);
    }
}
