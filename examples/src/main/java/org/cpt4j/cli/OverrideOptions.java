package org.cpt4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.engine.ResolvedSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.spec.InvalidSpecException;
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

    /**
     * @return {@code spec}, read from {@code source} with the overrides, resolved by {@code engine}; a problem its
     *     plugins find (an unknown id, a parameter out of range) names the spec's file and the overrides, as the file's
     *     own problems do
     */
    ResolvedSpec resolve(Cpt4jEngine engine, ExperimentSpec spec, String source) {
        try {
            return engine.resolve(spec);
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(ExperimentSpecFile.describe(source, overrides), e.problems());
        }
    }

    /** @return {@code spec} with the overrides applied ({@code source} names it in messages) */
    ExperimentSpec apply(ExperimentSpec spec, String source) {
        return overrides.isEmpty() ? spec
                : ExperimentSpecFile.fromJson(ExperimentSpecFile.toJson(spec), source, overrides);
    }
}
