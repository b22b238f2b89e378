package org.cpt4j.plugins.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.testing.ObjectiveProbe;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.StandardInputs;
import org.cpt4j.testing.ObjectiveInputs;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class SdpoDivergenceTest {

    private static SdpoObjective sdpo(double alpha, int topK, boolean tail) {
        return new SdpoObjective(SdpoConfig.of(s -> s.alpha(alpha).topK(topK).tailBucket(tail)));
    }

    private static double[] logDistribution(SplittableRandom random, int vocabulary) {
        return ObjectiveInputs.logProbs(ObjectiveInputs.logits(random, 1, 1, vocabulary, 3.0))[0][0];
    }

    private static double[] support(double[] student, int k) {
        return SdpoObjective.topKSupport(new double[][][] {{student}}, k)[0][0];
    }

    @Property(tries = 200)
    void theDivergenceIsZeroWhenTeacherEqualsStudent(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int vocabulary,
                                                     @ForAll @DoubleRange(min = 0, max = 1) double alpha,
                                                     @ForAll @IntRange(min = 0, max = 12) int topK) {
        double[] student = logDistribution(new SplittableRandom(seed), vocabulary);
        for (boolean tail : new boolean[] {true, false}) {
            SdpoObjective objective = sdpo(alpha, topK, tail);
            assertEquals(0.0, objective.divergence(student, student, topK == 0 ? null : support(student, topK)), 1e-12);
        }
    }

    @Property(tries = 200)
    void theDivergenceIsPositiveWhenTeacherDiffers(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int vocabulary,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double alpha) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] student = logDistribution(random, vocabulary);
        double[] teacher = logDistribution(random, vocabulary);
        assertTrue(sdpo(alpha, 0, true).divergence(student, teacher, null) > 0);
    }

    @Property(tries = 200)
    void theEndpointsAreForwardAndReverseKl(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int vocabulary) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] student = logDistribution(random, vocabulary);
        double[] teacher = logDistribution(random, vocabulary);
        assertEquals(kl(teacher, student), sdpo(0, 0, true).divergence(student, teacher, null), 1e-12);
        assertEquals(kl(student, teacher), sdpo(1, 0, true).divergence(student, teacher, null), 1e-12);
    }

    @Property(tries = 200)
    void topKOverTheWholeVocabularyEqualsTheFullDivergence(@ForAll long seed,
                                                           @ForAll @IntRange(min = 2, max = 12) int vocabulary,
                                                           @ForAll @DoubleRange(min = 0, max = 1) double alpha) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] student = logDistribution(random, vocabulary);
        double[] teacher = logDistribution(random, vocabulary);
        double full = sdpo(alpha, 0, true).divergence(student, teacher, null);
        double[] everything = support(student, vocabulary);
        assertEquals(full, sdpo(alpha, vocabulary, false).divergence(student, teacher, everything), 1e-12);
        assertEquals(full, sdpo(alpha, vocabulary, true).divergence(student, teacher, everything), 1e-6,
                "the clamped tail bucket adds at most ~1e-7");
    }

    @Property(tries = 100)
    void theGeneralisedJensenShannonIsAtMostTheBinaryEntropyOfAlpha(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int vocabulary,
                                                             @ForAll @DoubleRange(min = 0.01, max = 0.99) double alpha) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] student = logDistribution(random, vocabulary);
        double[] teacher = logDistribution(random, vocabulary);
        double jsd = sdpo(alpha, 0, true).divergence(student, teacher, null);
        double binaryEntropy = -alpha * Math.log(alpha) - (1 - alpha) * Math.log(1 - alpha);
        assertTrue(jsd >= 0 && jsd <= binaryEntropy + 1e-12, "JSD_alpha <= H(alpha) = " + binaryEntropy + ", was " + jsd);
    }

    @Test
    void anAllMaskedBatchGivesZeroLoss() {
        SplittableRandom random = new SplittableRandom(8);
        double[][][] logits = ObjectiveInputs.logits(random, 2, 3, 4, 2.0);
        int[][] targets = ObjectiveInputs.targets(random, 2, 3, 4);
        double[][] mask = {{1, 1, 0}, {0, 1, 1}};
        ObjectiveBatch withTeacher = SdpoBatches.independentTeacher(logits, targets, mask, random, 0);
        ObjectiveBatch none = ObjectiveBatch.of(targets, mask, b -> b
                .perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS, withTeacher.perTokenDistribution(StandardInputs.TEACHER_LOG_PROBS))
                .perToken(StandardInputs.OLD_LOG_PROBS, withTeacher.perToken(StandardInputs.OLD_LOG_PROBS))
                .perToken(StandardInputs.DISTILLATION_MASK, new double[2][3]));
        SdpoObjective objective = sdpo(0.5, 0, true);
        assertEquals(0.0, objective.referenceLoss(logits, none), 0.0);
        ObjectiveProbe.Result result = new ObjectiveProbe(objective, 2, 3, 4, DataType.FLOAT).evaluate(logits, none);
        assertEquals(0.0, result.loss(), 0.0);
        assertTrue(Arrays.stream(result.gradient()).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream)
                .allMatch(g -> g == 0.0));
        assertEquals(0.0, result.diagnostics().get("distilled_tokens"), 0.0);
    }

    private static double kl(double[] p, double[] q) {
        double sum = 0;
        for (int v = 0; v < p.length; v++) {
            sum += Math.exp(p[v]) * (p[v] - q[v]);
        }
        return sum;
    }
}
