package org.cpt4j.internal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.internal.runtime.NativeRuntime;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.run.Arithmetic;

/**
 * An experiment's {@code provenance.json}: what produced the run, one session per time it was started (a resumed run
 * adds one). A session records cpt4j's version and git commit, ND4J's version and backend, Java, the operating
 * system, the CPU, its OpenBLAS kernels and the threads ({@link Arithmetic}), every plugin with the jar it came
 * from, the command line, and when the session started and finished ({@code null} while it runs, or when it was
 * killed).
 */
final class Provenance {

    private static final String BUILD = "/org/cpt4j/internal/build.properties";

    private final Path file;
    private final ObjectMapper json;
    private final ObjectNode content;
    private final ObjectNode session;

    private Provenance(Path file, ObjectMapper json, ObjectNode content, ObjectNode session) {
        this.file = file;
        this.json = json;
        this.content = content;
        this.session = session;
    }

    /**
     * Adds this session to {@code root}'s {@code provenance.json} (made if absent) and writes it.
     *
     * @param registry the plugins of this run
     * @throws IOException naming the file when an existing one cannot be read or is a newer version
     */
    static Provenance started(Path root, PluginRegistry registry, ObjectMapper json) throws IOException {
        Path file = root.resolve(FileFormat.PROVENANCE.file());
        ObjectNode content;
        if (Files.exists(file)) {
            content = FileFormat.PROVENANCE.readTree(file, json);
        } else {
            content = FileFormat.PROVENANCE.stamp(json.createObjectNode());
            content.putArray("sessions");
        }
        ObjectNode session = ((ArrayNode) content.get("sessions")).addObject();
        session.put("started", Instant.now().toString());
        session.putNull("finished");
        session.put("command", ProcessHandle.current().info().commandLine().orElse("unknown"));
        Properties build = build();
        session.putObject("cpt4j").put("version", build.getProperty("version", "unknown"))
                .put("commit", known(build.getProperty("commit")))
                .put("uncommittedChanges", known(build.getProperty("dirty")));
        session.putObject("nd4j").put("version", build.getProperty("nd4j", "unknown"))
                .put("backend", NativeRuntime.backend());
        session.putObject("java").put("version", Runtime.version().toString())
                .put("vendor", System.getProperty("java.vendor")).put("vm", System.getProperty("java.vm.name"));
        session.putObject("os").put("name", System.getProperty("os.name"))
                .put("version", System.getProperty("os.version")).put("arch", System.getProperty("os.arch"));
        Arithmetic arithmetic = Arithmetic.ofThisMachine();
        session.putObject("machine").put("cpu", arithmetic.cpu())
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("openblasKernels", arithmetic.blasCore()).put("threads", arithmetic.threads())
                .put("arithmeticFingerprint", arithmetic.fingerprint());
        Map<String, PluginRegistry.Entry> plugins = new TreeMap<>();
        registry.entries().forEach(entry -> plugins.putIfAbsent(entry.plugin(), entry));
        ObjectNode pluginNode = session.putObject("plugins");
        plugins.forEach((name, entry) -> pluginNode.putObject(name).put("version", entry.version())
                .put("jar", entry.source()));
        Provenance provenance = new Provenance(file, json, content, session);
        provenance.write();
        return provenance;
    }

    /** Records that this session finished, and writes the file. */
    void finished() throws IOException {
        session.put("finished", Instant.now().toString());
        write();
    }

    private void write() throws IOException {
        FileFormat.PROVENANCE.write(file, json, content);
    }

    private static Properties build() {
        Properties properties = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream(BUILD)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD + " from the engine's jar", e);
        }
        return properties;
    }

    /** @return {@code value}, or {@code unknown} where the build could not fill it in (no git checkout) */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
