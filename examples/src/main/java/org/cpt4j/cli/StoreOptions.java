package org.cpt4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where base models are cached, and how often training is checkpointed. */
final class StoreOptions {

    @Option(names = "--cache", defaultValue = "runs/cache", converter = OptionValues.Directory.class,
            description = "Where base models are kept (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--checkpoint-every", defaultValue = "100", converter = OptionValues.AtLeastOne.class,
            description = "Steps between checkpoints of "
            + "pretraining and of each arm's post-training (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;
}
