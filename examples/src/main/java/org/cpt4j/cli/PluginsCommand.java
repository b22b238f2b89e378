package org.cpt4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cpt4j.plugin.RegisteredComponent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cpt4j plugins}: every registered component with its parameters and where it comes from. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every component the plugins register (the built-in ones, and those of the jars given "
                + "with --plugins, " + PluginJars.VARIABLE + " or a plugins/ folder): kind, id, parameters with their "
                + "defaults, plugin, its version and jar.")
final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private PluginOptions plugins;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<RegisteredComponent> entries = plugins.engine().components();
        int idWidth = entries.stream().mapToInt(e -> e.id().length()).max().orElse(0);
        String line = "  %-" + idWidth + "s  %-60s %s %s (%s)%n";
        String kind = "";
        for (RegisteredComponent entry : entries) {
            if (!entry.kind().name().equals(kind)) {
                kind = entry.kind().name();
                out.printf("%n%s%n", kind);
            }
            out.printf(line, entry.id(), entry.defaults(), entry.plugin(), entry.version(), entry.source());
        }
        out.flush();
        return 0;
    }
}
