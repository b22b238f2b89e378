package org.cpt4j.cli;

import java.nio.file.Path;
import org.cpt4j.internal.plugin.PluginRegistry;
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

    /** @return the job these options describe */
    BaseModelJob job() {
        return new BaseModelJob(PluginRegistry.load(), cache, checkpointEvery, prompts);
    }
}
