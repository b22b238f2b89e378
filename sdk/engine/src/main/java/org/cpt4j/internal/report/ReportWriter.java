package org.cpt4j.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.run.RunReport;

/** Writes an experiment's {@code report.html} from its run directory, atomically. */
public final class ReportWriter {

    /** The report's file name in the experiment's directory. */
    public static final String FILE = "report.html";

    private ReportWriter() {
    }

    /**
     * @param experimentDirectory {@code <runs>/<experiment>/}
     * @return the written report, with what the run is missing
     * @throws IOException naming the file when the directory holds no run or one of its files cannot be read
     */
    public static RunReport write(Path experimentDirectory) throws IOException {
        ExperimentRecord record = ExperimentRecord.read(experimentDirectory);
        byte[] page = ReportPage.of(record).getBytes(StandardCharsets.UTF_8);
        Path file = experimentDirectory.resolve(FILE);
        AtomicFiles.write(file, out -> out.write(page));
        return new RunReport(file, record.missing());
    }
}
