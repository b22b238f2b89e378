package org.cpt4j.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.run.RunReport;
import org.cpt4j.spec.InvalidInputException;

/** Writes an experiment's {@code report.html} from its run directory, or one report over several seeds, atomically. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * @param experimentDirectory {@code <runs>/<experiment>/}
     * @return the written {@code <experimentDirectory>/report.html}, with what the run is missing
     * @throws IOException naming the file when the directory holds no run or one of its files cannot be read
     */
    public static RunReport write(Path experimentDirectory) throws IOException {
        return write(List.of(experimentDirectory), experimentDirectory.resolve(RunReport.FILE));
    }

    /**
     * @param seeds the run directories of one experiment under several seeds (their specs equal but for the name and
     *     the seeds of the experiment, the base and the evaluation)
     * @param file where the report goes
     * @return the written report, with what each seed's run is missing
     * @throws IOException naming the directory whose spec differs from the first's beyond its seed and name, or one
     *     that holds no run or a file that cannot be read
     */
    public static RunReport write(List<Path> seeds, Path file) throws IOException {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run directory");
        }
        List<ExperimentRecord> records = new ArrayList<>();
        for (Path directory : seeds) {
            records.add(ExperimentRecord.read(directory));
        }
        ExperimentSpec first = records.get(0).spec();
        List<String> missing = new ArrayList<>();
        for (ExperimentRecord record : records) {
            if (!comparable(record.spec()).equals(comparable(first))) {
                throw new InvalidInputException(record.directory() + " holds a run of another experiment than "
                        + records.get(0).directory() + ": their spec.json files differ beyond the seed and the name, "
                        + "so their seeds cannot be summarised together");
            }
            record.missing().forEach(line -> missing.add(records.size() == 1 ? line
                    : record.directory() + ": " + line));
        }
        byte[] page = ReportPage.of(records).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(page));
        return new RunReport(file, missing);
    }

    /**
     * @return {@code spec} without its name and seeds (the experiment's, the base's, the evaluation's): what the
     *     runs of one experiment under several seeds share
     */
    private static ExperimentSpec comparable(ExperimentSpec spec) {
        PretrainSpec b = spec.base();
        EvaluationSpec e = spec.evaluation();
        return new ExperimentSpec(spec.format(), spec.version(), "any", 0,
                new PretrainSpec(b.model(), b.optimizer(), b.mix(), b.steps(), b.batchSize(), b.teacherFraction(),
                        b.responseStyle(), 0),
                spec.curriculum(), spec.training(),
                new EvaluationSpec(e.everySteps(), e.prompts(), e.maxNewTokens(), e.sampling(), 0),
                spec.arms(), spec.drift(), spec.collapse());
    }
}
