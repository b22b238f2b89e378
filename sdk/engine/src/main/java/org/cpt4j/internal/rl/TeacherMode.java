package org.cpt4j.internal.rl;

import java.util.Arrays;

/**
 * Where SDPO's teacher reads its logits from, as a checkpoint stores it.
 *
 * @param source {@code OWN} (its own weights), {@code POLICY} (the live policy) or {@code LOGIT_MIX} (the anchor's
 *     and the policy's logits mixed)
 * @param logitRate the weight of the policy's logits in {@code LOGIT_MIX}
 */
public record TeacherMode(String source, double logitRate) {

    /** @throws IllegalArgumentException for a source other than the three, or a rate that is not finite */
    public TeacherMode {
        if (Arrays.stream(TeacherWeights.Source.values()).noneMatch(known -> known.name().equals(source))) {
            throw new IllegalArgumentException("a teacher's source is one of "
                    + Arrays.toString(TeacherWeights.Source.values()) + ", not " + source);
        }
        if (!Double.isFinite(logitRate)) {
            throw new IllegalArgumentException("a teacher's logit rate is a finite number, not " + logitRate);
        }
    }
}
