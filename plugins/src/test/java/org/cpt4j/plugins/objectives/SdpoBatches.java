package org.cpt4j.plugins.objectives;

import java.util.SplittableRandom;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.testing.ObjectiveInputs;

/** Batches of every input SDPO (and GRPO, when mixed in) reads, for given student logits. */
final class SdpoBatches {

    private SdpoBatches() {
    }

    static ObjectiveBatch batch(double[][][] logits, int[][] targets, double[][] mask, SplittableRandom random,
                                int topK, double[][][] teacherLogits) {
        int rows = logits.length;
        int length = logits[0].length;
        double[][][] teacher = ObjectiveInputs.logProbs(teacherLogits);
        double[][] teacherToken = new double[rows][length];
        double[][] distillMask = new double[rows][length];
        boolean[] hasTeacher = new boolean[rows];
        for (int b = 0; b < rows; b++) {
            hasTeacher[b] = random.nextInt(5) != 0;
            for (int t = 0; t < length; t++) {
                teacherToken[b][t] = teacher[b][t][targets[b][t]];
                distillMask[b][t] = hasTeacher[b] && random.nextInt(5) != 0 ? mask[b][t] : 0;
            }
        }
        double[] advantages = ObjectiveInputs.rewards(random, rows, 1);
        return ObjectiveBatch.of(targets, mask, b -> {
            b.perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS, teacher)
                    .perToken(StandardInputs.TEACHER_TOKEN_LOG_PROBS, teacherToken)
                    .perToken(StandardInputs.DISTILLATION_MASK, distillMask)
                    .perToken(StandardInputs.OLD_LOG_PROBS, ObjectiveInputs.nearbyTokenLogProbs(random, logits, targets, 1.0))
                    .perToken(StandardInputs.REFERENCE_LOG_PROBS,
                            ObjectiveInputs.nearbyTokenLogProbs(random, logits, targets, 1.0))
                    .perToken(StandardInputs.ADVANTAGES, ObjectiveInputs.perSequence(advantages, length))
                    .perToken(StandardInputs.ROLLOUT_LOG_PROBS,
                            ObjectiveInputs.nearbyTokenLogProbs(random, logits, targets, 0.5));
            if (topK > 0) {
                b.perTokenDistribution(StandardInputs.DISTILLATION_SUPPORT, SdpoObjective.topKSupport(logits, topK));
            }
        });
    }

    /** @return a batch whose teacher is drawn independently of the student */
    static ObjectiveBatch independentTeacher(double[][][] logits, int[][] targets, double[][] mask,
                                             SplittableRandom random, int topK) {
        double[][][] teacherLogits = ObjectiveInputs.logits(random, logits.length, logits[0].length, logits[0][0].length, 3.0);
        return batch(logits, targets, mask, random, topK, teacherLogits);
    }
}
