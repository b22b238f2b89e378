package org.cpt4j.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.model.PolicyState;
import org.jspecify.annotations.Nullable;

/**
 * Everything a killed loop needs to continue exactly, for pretraining and for an arm alike: the policy's parameters
 * and optimizer state, the step, the random-stream state, any further parameter sets the loop keeps (an arm's
 * teacher) and the loop's own state (an arm's progress). cpt4j's training streams are functions of (seed, step), so
 * the stream state is the seed; the step says where in the stream to continue.
 *
 * @param owner what wrote it: the spec hash of a pretraining, {@code <experiment>/<arm>} of an arm; a loop resumes
 *     only its own checkpoints (null in an arm checkpoint written before version 2, which named none)
 * @param step loop steps completed (skipped updates included)
 * @param streamSeed seed of the loop's random streams
 * @param policy parameters, AdamW moments and update count
 * @param groups further parameter sets of the same model, by name
 * @param loop the loop's own state, as it wrote it (an empty object for pretraining)
 */
public record Checkpoint(@Nullable String owner, long step, long streamSeed, PolicyState policy,
                         Map<String, Parameters> groups, JsonNode loop) {

    public Checkpoint {
        groups = Map.copyOf(groups);
    }
}
