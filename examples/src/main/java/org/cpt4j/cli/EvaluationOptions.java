package org.cpt4j.cli;

import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.run.RunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where base models are cached and how many held-out prompts each domain is evaluated on. */
final class EvaluationOptions {

    @Mixin
    StoreOptions store;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--prompts", defaultValue = "100", description = "Held-out prompts per domain in the evaluation "
            + "(default: ${DEFAULT-VALUE}).")
    int prompts;

    /** @return the job these options describe, computing with {@code threads} native threads */
    BaseModelJob job(int threads) {
        return new BaseModelJob(plugins.engine(), RunOptions.of(o -> o.cache(store.cache)
                .checkpointEvery(store.checkpointEvery).threads(threads)), EvaluationSpec.of(e -> e.prompts(prompts)));
    }
}
