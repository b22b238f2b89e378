package org.cpt4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import picocli.CommandLine.Option;

/** {@code --set key.path=value}: fields of a spec set on the command line, as Hydra and TRL users write them. */
final class OverrideOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Sets a field of the spec before it is read "
            + "(repeatable, in order), e.g. --set training.groupSize=4, --set arms.sdpo.teacher.id=ema (an arm by its "
            + "name), --set 'arms[0].objective.parameters.alpha=0.5'; the value is JSON, else a string.")
    List<String> overrides = new ArrayList<>();

    /** @return the spec in {@code file} with the overrides applied */
    ExperimentSpec read(Path file) throws IOException {
        return ExperimentSpecFile.read(file, overrides);
    }

    /** @return {@code spec} with the overrides applied ({@code source} names it in messages) */
    ExperimentSpec apply(ExperimentSpec spec, String source) {
        return overrides.isEmpty() ? spec
                : ExperimentSpecFile.fromJson(ExperimentSpecFile.toJson(spec), source, overrides);
    }
}
