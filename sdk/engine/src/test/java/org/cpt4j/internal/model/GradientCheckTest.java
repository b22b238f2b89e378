package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central finite differences in double precision against SameDiff's gradients, for entries of every
 * parameter tensor (so every block: embeddings, LayerNorms, attention, MLP, final norm, head).
 */
class GradientCheckTest {

    private static final double STEP = 1e-6;
    private static final int ENTRIES_PER_TENSOR = 4;

    @ParameterizedTest(name = "tied embeddings: {0}")
    @ValueSource(booleans = {true, false})
    void gradientsMatchFiniteDifferencesForEveryParameter(boolean tied) {
        ModelConfig config = ModelConfig.of(m -> m.layers(2).width(8).heads(2).context(8).vocabulary(7).tiedEmbeddings(tied));
        TransformerPolicy policy = TransformerPolicy.create(config, OptimizerConfig.of(o -> { }), 3, DataType.DOUBLE);
        // Larger initial weights than the default 0.02 so attention and GELU work away from their linear regime.
        policy.parameters().asMap().forEach((name, array) -> {
            if (array.rank() == 2) {
                array.muli(10);
            }
        });
        SequenceBatch batch = new SequenceBatch(
                new int[][] {{1, 2, 3, 4, 5, 6}, {6, 5, 0, 3, 2, 1}},
                new int[][] {{2, 3, 4, 5, 6, 0}, {5, 0, 3, 2, 1, 4}},
                new float[][] {{1, 1, 1, 1, 0.5f, 1}, {1, 0, 1, 1, 1, 1}});
        Map<String, INDArray> analytic = policy.gradients(batch);
        SplittableRandom random = new SplittableRandom(5);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, INDArray> entry : policy.parameters().asMap().entrySet()) {
            INDArray parameter = entry.getValue();
            INDArray flat = parameter.reshape(parameter.length());
            INDArray gradient = analytic.get(entry.getKey()).reshape(parameter.length());
            for (int k = 0; k < ENTRIES_PER_TENSOR; k++) {
                long index = random.nextLong(parameter.length());
                double original = flat.getDouble(index);
                flat.putScalar(index, original + STEP);
                double plus = policy.loss(batch);
                flat.putScalar(index, original - STEP);
                double minus = policy.loss(batch);
                flat.putScalar(index, original);
                double numeric = (plus - minus) / (2 * STEP);
                double exact = gradient.getDouble(index);
                double error = Math.abs(numeric - exact) / Math.max(1e-8, Math.abs(numeric) + Math.abs(exact));
                if (error > 1e-5 && Math.abs(numeric - exact) > 1e-9) {
                    failures.add(String.format("%s[%d]: analytic %.9g, numeric %.9g, relative error %.2g",
                            entry.getKey(), index, exact, numeric, error));
                }
            }
        }
        assertTrue(failures.isEmpty(), "gradient mismatches:\n" + String.join("\n", failures));
    }
}
