package org.cpt4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/experiment-schema.json} is the schema the records define. After changing a spec record, regenerate
 * it with {@code mvn -pl sdk/api test -Dtest=ExperimentSchemaTest -Dcpt4j.writeSchema=true}.
 */
class ExperimentSchemaTest {

    private static final Path DOCS = Path.of("../../docs/experiment-schema.json");

    @Test
    void theSchemaInDocsIsTheOneTheRecordsDefine() throws IOException {
        String generated = ExperimentSchema.json();
        if (Boolean.getBoolean("cpt4j.writeSchema")) {
            Files.writeString(DOCS, generated);
        }
        assertEquals(generated, Files.readString(DOCS), "docs/experiment-schema.json is stale; regenerate it (see "
                + "this test's Javadoc)");
    }

    @Test
    void everyRecordComponentIsAPropertyAndOnlyThoseWithoutDefaultsAreRequired() {
        String schema = ExperimentSchema.json();
        for (String definition : new String[] {"ExperimentSpec", "PretrainSpec", "ModelConfig", "OptimizerConfig",
                "CurriculumSpec", "StageSpec", "TrainingSpec", "SamplingConfig", "ArmSpec", "RewardSpec", "ComponentSpec"}) {
            assertTrue(schema.contains("\"" + definition + "\" : {"), definition);
        }
        assertTrue(schema.contains("\"required\" : [ \"name\", \"objective\" ]"), "teacher, rewards and training "
                + "of an arm are optional");
        assertTrue(schema.contains("\"required\" : [ \"name\", \"curriculum\", \"arms\" ]"),
                "an experiment needs a name, a curriculum and arms; everything else has a default");
        assertTrue(schema.contains("\"enum\" : [ \"ANSWER_ONLY\", \"SHORT\", \"LONG\" ]"));
    }
}
