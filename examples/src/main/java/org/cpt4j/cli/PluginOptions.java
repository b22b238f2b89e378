package org.cpt4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.engine.Cpt4jEngine;
import picocli.CommandLine.Option;

/** The {@code --plugins} option of the commands that resolve components, and the engine with those plugins. */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "JAR|DIR", converter = OptionValues.GivenPath.class,
            description = "A plugin jar, or a directory of them, to "
            + "load besides the built-in plugins (repeatable). Also read: " + PluginJars.VARIABLE + " (paths "
            + "separated like PATH), ./plugins/ and ~/.config/cpt4j/plugins/.")
    private List<Path> plugins = new ArrayList<>();

    /** @return the engine with the built-in plugins and every plugin jar found */
    Cpt4jEngine engine() {
        return Cpt4jEngine.builder().plugins(PluginJars.plugins(PluginJars.jars(plugins, System.getenv(),
                Path.of("").toAbsolutePath()))).build();
    }
}
