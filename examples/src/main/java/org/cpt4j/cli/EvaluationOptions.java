package org.cpt4j.cli;

import java.nio.file.Path;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.run.RunOptions;
import picocli.CommandLine.Option;

/** Where base models are cached and how many held-out prompts each domain is evaluated on. */
final class EvaluationOptions {

    @Option(names = "--cache", defaultValue = "runs/cache", description = "Where base models are kept "
            + "(default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--prompts", defaultValue = "100", description = "Held-out prompts per domain in the evaluation "
            + "(default: ${DEFAULT-VALUE}).")
    int prompts;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Steps between checkpoints of "
            + "pretraining and of each arm's post-training (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    /** @return where base models are cached */
    Path cache() {
        return cache;
    }

    /** @return the job these options describe, computing with {@code threads} native threads */
    BaseModelJob job(int threads) {
        return new BaseModelJob(Cpt4jEngine.create(), RunOptions.of(o -> o.cache(cache).checkpointEvery(checkpointEvery)
                .threads(threads)), EvaluationSpec.of(e -> e.prompts(prompts)));
    }
}
