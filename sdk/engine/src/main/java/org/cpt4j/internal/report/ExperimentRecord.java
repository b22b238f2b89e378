package org.cpt4j.internal.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cpt4j.spec.InvalidInputException;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.internal.store.FileFormat;
import org.jspecify.annotations.Nullable;

/**
 * An experiment's directory as the report reads it: its spec, its provenance, and each arm in the spec's order,
 * with what is missing from a run that has not finished.
 *
 * @param directory the experiment's directory, {@code runs/<experiment>/}
 * @param spec its {@code spec.json}
 * @param provenance its {@code provenance.json}, or null when the run predates provenance
 * @param arms every arm of the spec, started or not
 * @param missing the arms a finished run would have finished and this one has not, a sentence each (empty when
 *     every arm ran to its end)
 */
record ExperimentRecord(Path directory, ExperimentSpec spec, @Nullable JsonNode provenance, List<ArmRecord> arms,
                        List<String> missing) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @return what {@code directory} holds
     * @throws InvalidInputException naming the directory when {@code spec.json} is missing
     * @throws IOException naming the file when a file cannot be read
     */
    static ExperimentRecord read(Path directory) throws IOException {
        Path specFile = directory.resolve("spec.json");
        if (!Files.isRegularFile(specFile)) {
            throw new InvalidInputException(directory + " is not an experiment's run directory: it has no spec.json (a run "
                    + "writes runs/<experiment>/spec.json when it starts)");
        }
        ExperimentSpec spec = ExperimentSpecFile.read(specFile);
        Path provenanceFile = directory.resolve(FileFormat.PROVENANCE.file());
        JsonNode provenance = null;
        if (Files.isRegularFile(provenanceFile)) {
            provenance = FileFormat.PROVENANCE.readTree(provenanceFile, JSON);
        }
        long stepsPerArm = spec.curriculum().stages().stream().mapToLong(StageSpec::steps).sum();
        List<ArmRecord> arms = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ArmSpec arm : spec.arms()) {
            ArmRecord record = ArmRecord.read(directory.resolve(arm.name()), arm, spec.curriculum(), JSON);
            arms.add(record);
            if (record.steps().isEmpty()) {
                missing.add("arm " + arm.name() + " has not started");
            } else if (!record.finished()) {
                missing.add(String.format(Locale.ROOT, "arm %s stopped after %d of %d steps, %d of %d stages "
                                + "evaluated (run the experiment again to resume it)", arm.name(), record.stepsDone(),
                        stepsPerArm, record.matrix() == null ? 0 : record.matrix().rows().size() - 1,
                        spec.curriculum().stages().size()));
            }
        }
        return new ExperimentRecord(directory, spec, provenance, List.copyOf(arms), List.copyOf(missing));
    }
}
