package org.cpt4j.internal.rl;

/**
 * Where SDPO's teacher reads its logits from, as a checkpoint stores it.
 *
 * @param source {@code OWN} (its own weights), {@code POLICY} (the live policy) or {@code LOGIT_MIX} (the anchor's
 *     and the policy's logits mixed)
 * @param logitRate the weight of the policy's logits in {@code LOGIT_MIX}
 */
public record TeacherMode(String source, double logitRate) {
}
