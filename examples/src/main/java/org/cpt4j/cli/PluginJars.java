package org.cpt4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.spec.InvalidInputException;

/**
 * The plugins a command runs with: those on the application's class path (the built-in ones), and those in plugin
 * jars named by {@code --plugins} (a jar, or a directory of jars), by {@code CPT4J_PLUGINS} (such paths, separated
 * by the platform's path separator), or found in a {@code plugins/} directory in the working directory or in
 * {@code $XDG_CONFIG_HOME/cpt4j/plugins} (default {@code ~/.config/cpt4j/plugins}). The launcher runs
 * {@code java -jar}, which ignores {@code CLASSPATH}; this is how a plugin jar reaches the command line.
 */
final class PluginJars {

    /** The variable naming plugin jars and directories of them. */
    static final String VARIABLE = "CPT4J_PLUGINS";

    private PluginJars() {
    }

    /**
     * @param named the paths given with {@code --plugins}
     * @param environment the process's environment
     * @param workingDirectory where a {@code plugins/} directory is looked for
     * @return the jars to load, in the order: named, the variable's, the working directory's, the user's
     * @throws IllegalArgumentException listing every named path (option or variable) that is neither a jar nor a
     *     directory, or every jar found that is no zip file (a class loader would pass over it in silence)
     */
    static List<Path> jars(List<Path> named, Map<String, String> environment, Path workingDirectory) {
        List<Path> given = new ArrayList<>(named);
        String variable = environment.get(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            for (String entry : variable.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    given.add(Path.of(entry.trim()));
                }
            }
        }
        List<String> missing = given.stream().filter(path -> !Files.isDirectory(path)
                && !(Files.isRegularFile(path) && path.toString().endsWith(".jar"))).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("no plugin jar or directory of jars at " + String.join(", ", missing)
                    + " (from --plugins or " + VARIABLE + "); name a .jar file or a directory holding them");
        }
        List<Path> directories = new ArrayList<>(List.of(workingDirectory.resolve("plugins")));
        String config = environment.get("XDG_CONFIG_HOME");
        String home = environment.get("HOME");
        if (config != null && !config.isBlank()) {
            directories.add(Path.of(config, "cpt4j", "plugins"));
        } else if (home != null && !home.isBlank()) {
            directories.add(Path.of(home, ".config", "cpt4j", "plugins"));
        }
        List<Path> jars = new ArrayList<>();
        for (Path path : given) {
            jars.addAll(Files.isDirectory(path) ? jarsIn(path) : List.of(path));
        }
        for (Path directory : directories) {
            if (Files.isDirectory(directory)) {
                jars.addAll(jarsIn(directory));
            }
        }
        List<Path> found = jars.stream().map(path -> path.toAbsolutePath().normalize()).distinct().toList();
        List<String> broken = new ArrayList<>();
        for (Path jar : found) {
            try (JarFile opened = new JarFile(jar.toFile())) {
                opened.getManifest();
            } catch (IOException e) {
                broken.add(jar + " (" + e.getMessage() + ")");
            }
        }
        if (!broken.isEmpty()) {
            throw new InvalidInputException("not a jar (a zip file): " + String.join(", ", broken) + "; replace "
                    + (broken.size() == 1 ? "it" : "them") + " with the plugin's jar, or remove "
                    + (broken.size() == 1 ? "it" : "them"));
        }
        return found;
    }

    /**
     * @return the plugins on the class path, then those {@code jars} declare (through
     *     {@code META-INF/services/org.cpt4j.plugin.Cpt4jPlugin}); a plugin already on the class path is not loaded
     *     twice
     */
    static List<Cpt4jPlugin> plugins(List<Path> jars) {
        ClassLoader application = PluginJars.class.getClassLoader();
        List<Cpt4jPlugin> plugins = new ArrayList<>(ServiceLoader.load(Cpt4jPlugin.class, application).stream()
                .map(ServiceLoader.Provider::get).toList());
        if (jars.isEmpty()) {
            return plugins;
        }
        URL[] urls = jars.stream().map(PluginJars::url).toArray(URL[]::new);
        URLClassLoader loader = new URLClassLoader("cpt4j plugin jars", urls, application);
        ServiceLoader.load(Cpt4jPlugin.class, loader).stream()
                .filter(provider -> provider.type().getClassLoader() == loader)
                .map(ServiceLoader.Provider::get).forEach(plugins::add);
        return plugins;
    }

    private static List<Path> jarsIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".jar") && Files.isRegularFile(file)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugin directory " + directory, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new InvalidInputException("not a plugin jar path: " + jar, e);
        }
    }
}
