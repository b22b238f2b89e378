package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.plugins.BuiltInPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new BuiltInPlugin()));

    @TempDir
    Path root;

    @Test
    void eachStartAddsASessionThatRecordsWhatProducedItAndWhenItFinished() throws IOException {
        Instant before = Instant.now();
        Provenance.started(root, REGISTRY, ArmDirectory.JSON).finished();
        Provenance.started(root, REGISTRY, ArmDirectory.JSON); // a resumed run, killed before it finished
        JsonNode file = ArmDirectory.JSON.readTree(root.resolve("provenance.json").toFile());
        assertEquals("cpt4j-provenance", file.path("format").asText());
        assertEquals(1, file.path("version").asInt());
        JsonNode sessions = file.path("sessions");
        assertEquals(2, sessions.size());
        JsonNode first = sessions.get(0);
        assertFalse(Instant.parse(first.path("started").asText()).isBefore(before.minusSeconds(1)));
        assertFalse(Instant.parse(first.path("finished").asText()).isBefore(Instant.parse(first.path("started")
                .asText())));
        assertTrue(sessions.get(1).path("finished").isNull(), "the second session never finished");
        assertTrue(first.path("cpt4j").path("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), first.toString());
        assertTrue(first.path("cpt4j").path("commit").asText().matches("[0-9a-f]{40}|unknown"), first.toString());
        assertEquals("CPU", first.path("nd4j").path("backend").asText());
        assertEquals(Runtime.version().toString(), first.path("java").path("version").asText());
        assertEquals(System.getProperty("os.arch"), first.path("os").path("arch").asText());
        assertEquals(Runtime.getRuntime().availableProcessors(), first.path("machine").path("cores").asInt());
        assertFalse(first.path("machine").path("openblasKernels").asText().isEmpty());
        JsonNode builtIns = first.path("plugins").path("cpt4j-builtins");
        assertTrue(builtIns.path("jar").asText().contains("plugins"), first.path("plugins").toString());
        // from the plugins module's jar (mvn verify) its manifest names the version; from its classes (mvn test) none
        if (builtIns.path("jar").asText().endsWith(".jar")) {
            assertEquals(first.path("cpt4j").path("version").asText(), builtIns.path("version").asText());
        } else {
            assertEquals("unknown", builtIns.path("version").asText(), first.path("plugins").toString());
        }
        assertTrue(first.path("command").asText().contains("java"), first.path("command").asText());
    }

    @Test
    void aProvenanceFileOfANewerVersionIsRefusedNamingIt() throws IOException {
        Files.writeString(root.resolve("provenance.json"), "{\"format\":\"cpt4j-provenance\",\"version\":7}");
        IOException error = assertThrows(IOException.class,
                () -> Provenance.started(root, REGISTRY, ArmDirectory.JSON));
        assertTrue(error.getMessage().contains("provenance.json is cpt4j-provenance version 7"), error.getMessage());
    }
}
