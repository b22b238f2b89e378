package org.cpt4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.internal.plugin.ResolvedExperiment;
import org.cpt4j.internal.run.ExperimentEngine;
import org.cpt4j.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cpt4j validate spec.json}: checks a spec file and every component it names, without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks an experiment spec file: its structure, every domain, objective, teacher and reward it "
                + "names, and their parameters. Lists every problem with its path; exits 1 when there is one.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The experiment spec (JSON).")
    private Path file;

    @Override
    public Integer call() throws Exception {
        ExperimentSpec spec = ExperimentSpecFile.read(file);
        ResolvedExperiment resolved = ExperimentEngine.create(spec, RunOptions.defaults()).resolved();
        PrintWriter out = command.commandLine().getOut();
        out.printf("%s: valid. Experiment '%s': %d arm(s) %s over %d stage(s); domains named: %s%n", file, spec.name(),
                spec.arms().size(), resolved.arms().stream().map(a -> a.spec().name() + " (" + a.objective().id() + ")")
                        .toList(), spec.curriculum().stages().size(), resolved.domains().keySet());
        out.flush();
        return 0;
    }
}
