package org.cpt4j.internal.sampling;

import java.util.List;
import org.cpt4j.sampling.SamplingConfig;

/**
 * Samples responses from one parameter set, many prompts and samples per prompt at once. The engine's is
 * {@link TransformerSampler}; {@code Kernels} makes one, and a replaced {@code Kernels} binding replaces every
 * sampler of a run (rollouts, evaluations, drift probes).
 */
public interface Sampler {

    /** @return the longest sequence (prompt plus response) the policy reads */
    int context();

    /**
     * @param seed with the prompt's and the sample's index, a row's random stream: a sample does not change when
     *     other prompts join or leave the batch
     * @return {@code samplesPerPrompt} responses for each prompt, ordered by prompt then sample; each response
     *     holds at most {@code min(maxNewTokens, context − prompt length)} tokens, with the policy's own
     *     log-probabilities and entropies (temperature 1, untruncated)
     */
    List<Generation> sample(List<int[]> prompts, int samplesPerPrompt, SamplingConfig sampling, long seed);
}
