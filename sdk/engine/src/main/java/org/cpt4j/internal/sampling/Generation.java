package org.cpt4j.internal.sampling;

/**
 * One sampled response.
 *
 * @param prompt index of its prompt in the sampler's input
 * @param sample index of this sample among the prompt's samples
 * @param tokens the generated tokens, the end-of-sequence token included when generation stopped there
 * @param logProbs log-probability of each generated token under the policy (temperature 1, no top-k/top-p:
 *     what the trainer recomputes)
 * @param entropies entropy of the policy's next-token distribution at each generated token
 * @param finished whether generation stopped at end-of-sequence (not at the length limit)
 */
public record Generation(int prompt, int sample, int[] tokens, float[] logProbs, float[] entropies, boolean finished) {

    /** @return number of generated tokens */
    public int length() {
        return tokens.length;
    }
}
