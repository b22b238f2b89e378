package org.cpt4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cpt4j} command line; subcommands do the work. */
@Command(name = "cpt4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Continual post-training of language models with on-policy methods (GRPO, SDPO).",
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, PretrainCommand.class,
                BenchCommand.class, ReportCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class})
public final class Cpt4jCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, for the launcher and for tests */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Cpt4jCommand());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println(line.getColorScheme().errorText("cpt4j: " + exception.getMessage()));
            return 1;
        });
        return commandLine;
    }
}
