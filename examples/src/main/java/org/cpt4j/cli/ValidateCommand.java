package org.cpt4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.engine.ResolvedSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cpt4j validate spec.json}: checks a spec file and every component it names, without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks an experiment spec file: its structure, every domain, objective, teacher and reward it "
                + "names, and their parameters. Lists every problem with its path; exits 2 when there is one.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", converter = OptionValues.GivenPath.class,
            description = "The experiment spec (JSON).")
    private Path file;

    @Mixin
    private PluginOptions plugins;

    @Mixin
    private OverrideOptions overrides;

    @Override
    public Integer call() throws Exception {
        ExperimentSpec spec = overrides.read(file);
        ResolvedSpec resolved = overrides.resolve(plugins.engine(), spec, file.toString());
        PrintWriter out = command.commandLine().getOut();
        out.printf("%s: valid. Experiment '%s': %d arm(s) %s over %d stage(s); domains named: %s%n", file, spec.name(),
                spec.arms().size(), resolved.arms().stream().map(a -> a.name() + " (" + a.objective() + ")").toList(),
                spec.curriculum().stages().size(), resolved.domains());
        out.flush();
        return 0;
    }
}
