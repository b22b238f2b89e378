package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.objective.LogSoftmax;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.objective.LossGraph;
import org.cpt4j.objective.LossTerms;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The policy trains on any objective: its graph's loss equals the objective's reference on the policy's logits. */
class ObjectiveTrainingTest {

    private static final ModelConfig MODEL = ModelConfig.of(m -> m.layers(1).width(16).heads(2).context(16).vocabulary(7));

    /** Per-token weighted NLL plus the forward KL to a given distribution; reads one input of each kind. */
    private static final Objective FIXTURE = new Objective() {
        @Override
        public String id() {
            return "fixture";
        }

        @Override
        public LossTerms<SDVariable> define(LossGraph graph) {
            SDVariable target = graph.perTokenDistribution("target");
            SDVariable kl = graph.sameDiff().reshape(graph.sameDiff().sum(
                    graph.sameDiff().math.exp(target).mul(target.sub(graph.logProbs())), true, 1), -1, graph.length());
            SDVariable perToken = graph.tokenLogProbs().neg().mul(graph.perToken("weight")).add(kl);
            return new LossTerms<>(LossAggregation.VERL_SEQ_MEAN_TOKEN_MEAN.aggregate(graph.math(), perToken, graph.mask(), 1),
                    Map.of("kl", kl.mul(graph.mask()).sum()));
        }

        @Override
        public double referenceLoss(double[][][] logits, double[][][] detached, ObjectiveBatch batch) {
            double[][] weight = batch.perToken("weight");
            double[][][] target = batch.perTokenDistribution("target");
            double[][] loss = new double[batch.rows()][batch.length()];
            for (int b = 0; b < batch.rows(); b++) {
                for (int t = 0; t < batch.length(); t++) {
                    double[] logProbs = LogSoftmax.of(logits[b][t]);
                    double kl = 0;
                    for (int v = 0; v < logProbs.length; v++) {
                        kl += Math.exp(target[b][t][v]) * (target[b][t][v] - logProbs[v]);
                    }
                    loss[b][t] = -weight[b][t] * logProbs[batch.target(b, t)] + kl;
                }
            }
            return LossAggregation.VERL_SEQ_MEAN_TOKEN_MEAN.reference(loss, batch.mask(), 1);
        }
    };

    @Test
    void theGraphLossEqualsTheReferenceOnThePolicysLogitsAndTrainingLowersIt() {
        TransformerPolicy policy = TransformerPolicy.create(MODEL, OptimizerConfig.of(o -> o.learningRate(1e-2)), 5);
        SplittableRandom random = new SplittableRandom(2);
        int rows = 3;
        int length = 5; // padded to the bucket of 8 inside the policy
        int[][] inputs = new int[rows][length];
        int[][] targets = new int[rows][length];
        double[][] weight = new double[rows][length];
        double[][][] target = new double[rows][length][MODEL.vocabulary()];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                inputs[b][t] = random.nextInt(MODEL.vocabulary());
                targets[b][t] = random.nextInt(MODEL.vocabulary());
                weight[b][t] = random.nextDouble();
                double[] logits = new double[MODEL.vocabulary()];
                for (int v = 0; v < logits.length; v++) {
                    logits[v] = 2 * random.nextGaussian();
                }
                target[b][t] = LogSoftmax.of(logits);
            }
        }
        double[][] mask = {{0, 1, 1, 1, 0}, {1, 1, 1, 1, 1}, {0, 0, 0, 1, 1}};
        ObjectiveBatch batch = ObjectiveBatch.of(targets, mask, b -> b.perToken("weight", weight)
                .perTokenDistribution("target", target));

        INDArray logits = policy.logits(inputs);
        double[][][] values = new double[rows][length][];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                values[b][t] = logits.get(NDArrayIndex.point(b), NDArrayIndex.point(t), NDArrayIndex.all()).toDoubleVector();
            }
        }
        double reference = FIXTURE.referenceLoss(values, batch);
        assertEquals(reference, policy.loss(FIXTURE, inputs, batch), 1e-4 * Math.abs(reference));

        TrainingStep first = policy.train(FIXTURE, inputs, batch);
        assertEquals(reference, first.loss(), 1e-4 * Math.abs(reference));
        assertTrue(first.diagnostics().get("kl") > 0);
        for (int step = 0; step < 30; step++) {
            policy.train(FIXTURE, inputs, batch);
        }
        assertTrue(policy.loss(FIXTURE, inputs, batch) < 0.7 * reference, "training lowers the objective's loss");
    }
}
