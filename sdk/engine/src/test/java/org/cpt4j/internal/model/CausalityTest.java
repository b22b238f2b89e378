package org.cpt4j.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class CausalityTest {

    private static final ModelConfig CONFIG = ModelConfig.of(m -> m.layers(2).width(16).heads(4).context(12).vocabulary(9));
    private static final TransformerPolicy POLICY = TransformerPolicy.create(CONFIG, OptimizerConfig.of(o -> { }), 11);

    @Property(tries = 25)
    void changingALaterTokenNeverChangesEarlierLogits(@ForAll @IntRange(min = 0, max = 10) int position,
                                                      @ForAll @IntRange(min = 1, max = 8) int shift,
                                                      @ForAll @IntRange(min = 2, max = 12) int length) {
        int changed = Math.min(position + 1, length - 1);
        int[] tokens = new int[length];
        for (int t = 0; t < length; t++) {
            tokens[t] = (t * 5 + 3) % CONFIG.vocabulary();
        }
        int[] altered = tokens.clone();
        altered[changed] = (altered[changed] + shift) % CONFIG.vocabulary();
        INDArray before = POLICY.logits(new int[][] {tokens});
        INDArray after = POLICY.logits(new int[][] {altered});
        for (int t = 0; t < changed; t++) {
            assertArrayEquals(row(before, t), row(after, t), "logits at position " + t + " changed when token "
                    + changed + " changed");
        }
        assertFalse(Arrays.equals(row(before, changed), row(after, changed)),
                "the changed position's own logits must change (the check would be vacuous otherwise)");
    }

    private static float[] row(INDArray logits, int position) {
        return logits.get(NDArrayIndex.point(0), NDArrayIndex.point(position), NDArrayIndex.all()).toFloatVector();
    }
}
