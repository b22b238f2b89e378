package org.cpt4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cpt4j} command line; subcommands do the work. */
@Command(name = "cpt4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Continual post-training of language models with on-policy methods (GRPO, SDPO).",
        footer = ExitCode.HELP,
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, PretrainCommand.class,
                BenchCommand.class, ReportCommand.class, SchemaCommand.class, SweepCommand.class,
                CommandLine.HelpCommand.class})
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
        // an Error (running out of memory, say) is reported as an exception is, never as a stack trace
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (Error e) {
                throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(), e.toString(), e);
            }
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            Throwable failure = exception instanceof CommandLine.ExecutionException && exception.getCause() != null
                    ? exception.getCause() : exception;
            int status = Failures.report(failure, line.getErr());
            line.getErr().flush();
            return status;
        });
        return commandLine;
    }
}
