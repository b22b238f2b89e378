package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** AdamW against a plain-Java double-precision evaluation of the documented update rule. */
class AdamWTest {

    private static final ModelConfig CONFIG = ModelConfig.of(m -> m.layers(1).width(4).heads(1).context(4).vocabulary(3));

    @Test
    void threeUpdatesMatchTheReferenceRuleWithClippingAndDecay() {
        OptimizerConfig optimizer = OptimizerConfig.of(o -> o.learningRate(0.1).betas(0.9, 0.99).epsilon(1e-6)
                .weightDecay(0.5).warmupSteps(2).totalSteps(5).maxGradNorm(0.3));
        TransformerLayout layout = new TransformerLayout(CONFIG);
        Parameters parameters = layout.initialize(3, DataType.DOUBLE);
        Parameters reference = parameters.copy();
        AdamW adam = new AdamW(optimizer, layout, layout.zeros(DataType.DOUBLE), layout.zeros(DataType.DOUBLE), 0);
        Map<String, double[]> m = new LinkedHashMap<>();
        Map<String, double[]> v = new LinkedHashMap<>();
        for (int step = 0; step < 3; step++) {
            Map<String, INDArray> gradients = new LinkedHashMap<>();
            Map<String, double[]> plain = new LinkedHashMap<>();
            double squares = 0;
            for (String name : parameters.names()) {
                long length = parameters.get(name).length();
                double[] g = new double[(int) length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = Math.sin(1.0 + i + 7 * step + name.length());
                    squares += g[i] * g[i];
                }
                plain.put(name, g);
                gradients.put(name, Nd4j.create(g, parameters.get(name).shape(), 'c'));
            }
            AdamW.Update update = adam.apply(parameters, gradients);
            double lr = optimizer.learningRateAt(step);
            double norm = Math.sqrt(squares);
            double clip = Math.min(1.0, 0.3 / norm);
            assertEquals(norm, update.gradientNorm(), 1e-9);
            assertEquals(lr, update.learningRate(), 0);
            for (TransformerLayout.Entry entry : layout.entries()) {
                String name = entry.name();
                double[] g = plain.get(name);
                double[] mm = m.computeIfAbsent(name, k -> new double[g.length]);
                double[] vv = v.computeIfAbsent(name, k -> new double[g.length]);
                INDArray theta = reference.get(name).reshape(g.length);
                int t = step + 1;
                double alpha = lr * Math.sqrt(1 - Math.pow(0.99, t)) / (1 - Math.pow(0.9, t));
                for (int i = 0; i < g.length; i++) {
                    double gi = g[i] * clip;
                    mm[i] = 0.9 * mm[i] + 0.1 * gi;
                    vv[i] = 0.99 * vv[i] + 0.01 * gi * gi;
                    double value = theta.getDouble(i);
                    if (entry.decayed()) {
                        value *= 1 - lr * 0.5;
                    }
                    theta.putScalar(i, value - alpha * mm[i] / (Math.sqrt(vv[i]) + 1e-6));
                }
            }
        }
        for (String name : parameters.names()) {
            assertTrue(parameters.get(name).equalsWithEps(reference.get(name), 1e-12), name + " differs from the reference");
        }
        assertEquals(3, adam.step());
    }

    @Test
    void aNonFiniteGradientSkipsTheUpdate() {
        OptimizerConfig optimizer = OptimizerConfig.of(o -> { });
        TransformerLayout layout = new TransformerLayout(CONFIG);
        Parameters parameters = layout.initialize(3, DataType.FLOAT);
        Parameters before = parameters.copy();
        AdamW adam = new AdamW(optimizer, layout, layout.zeros(DataType.FLOAT), layout.zeros(DataType.FLOAT), 0);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        parameters.asMap().forEach((name, array) -> gradients.put(name, Nd4j.onesLike(array)));
        gradients.get(TransformerLayout.TOKEN_EMBEDDING).putScalar(0, Float.NaN);
        AdamW.Update update = adam.apply(parameters, gradients);
        assertTrue(update.skipped());
        assertEquals(0, adam.step());
        assertTrue(parameters.sameValues(before));
    }
}
