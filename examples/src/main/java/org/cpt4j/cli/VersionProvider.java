package org.cpt4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the versions that the build wrote into {@code cpt4j-version.properties}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/cpt4j-version.properties")) {
            if (in == null) {
                return new String[] {"cpt4j (version unknown: cpt4j-version.properties is missing from the jar)"};
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {
                "cpt4j " + properties.getProperty("version"),
                "ND4J " + properties.getProperty("nd4j") + " (" + properties.getProperty("backend") + "), Java "
                        + Runtime.version(),
        };
    }
}
