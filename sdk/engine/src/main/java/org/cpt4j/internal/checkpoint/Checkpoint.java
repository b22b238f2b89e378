package org.cpt4j.internal.checkpoint;

import org.cpt4j.internal.model.PolicyState;

/**
 * Everything a killed run needs to continue exactly: the policy's parameters and optimizer state, the loop
 * step, and the random-stream state. cpt4j's training streams are functions of (seed, step), so the stream
 * state is the seed; the step says where in the stream to continue.
 *
 * @param policy parameters, AdamW moments and update count
 * @param specHash hash of the specification that produced this state; a run resumes only its own checkpoints
 * @param step loop steps completed (skipped updates included)
 * @param streamSeed seed of the run's random streams
 */
public record Checkpoint(PolicyState policy, String specHash, long step, long streamSeed) {
}
