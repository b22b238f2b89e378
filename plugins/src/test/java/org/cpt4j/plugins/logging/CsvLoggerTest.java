package org.cpt4j.plugins.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.logging.LoggerContext;
import org.cpt4j.logging.RunLogger;
import org.cpt4j.logging.Scalars;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.testing.RunLoggerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoggerTest extends RunLoggerContract {

    @TempDir
    Path directory;

    @Override
    protected RunLogger logger() {
        return new CsvLogger(new CsvLogger.Options("scalars.csv"));
    }

    private static Map<String, Double> values(Object... tagsAndValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < tagsAndValues.length; i += 2) {
            values.put((String) tagsAndValues[i], (Double) tagsAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void everyScalarIsARowOfArmStepTagAndValueUnderOneHeader() throws IOException {
        RunLogger logger = logger();
        logger.open(new LoggerContext("e", directory, List.of("grpo", "sdpo")));
        logger.log(new Scalars("grpo", 1, values("train/rewardMean", 0.25, "train/loss", Double.NaN)));
        logger.log(new Scalars("sdpo", 4, values("eval/add", 0.5, "train/diagnostics/a,\"b\"", 1e-9)));
        logger.close();
        assertEquals(List.of(CsvLogger.HEADER, "grpo,1,train/rewardMean,0.25", "grpo,1,train/loss,NaN",
                "sdpo,4,eval/add,0.5", "sdpo,4,\"train/diagnostics/a,\"\"b\"\"\",1.0E-9"),
                Files.readAllLines(directory.resolve("scalars.csv")));
    }

    @Test
    void aResumedArmsRowsAfterItsCheckpointAreDroppedAndTheOtherArmsKept() throws IOException {
        LoggerContext context = new LoggerContext("e", directory, List.of("grpo", "sdpo"));
        RunLogger first = logger();
        first.open(context);
        for (long step = 1; step <= 6; step++) {
            first.log(new Scalars("grpo", step, values("train/rewardMean", step / 10.0)));
        }
        first.log(new Scalars("sdpo", 9, values("eval/add", 0.5)));
        first.close(); // killed after step 6; the newest checkpoint was after step 4
        RunLogger second = logger();
        second.open(context);
        second.resumed("grpo", 4);
        second.log(new Scalars("grpo", 5, values("train/rewardMean", 0.55)));
        second.close();
        assertEquals(List.of(CsvLogger.HEADER, "grpo,1,train/rewardMean,0.1", "grpo,2,train/rewardMean,0.2",
                "grpo,3,train/rewardMean,0.3", "grpo,4,train/rewardMean,0.4", "sdpo,9,eval/add,0.5",
                "grpo,5,train/rewardMean,0.55"), Files.readAllLines(directory.resolve("scalars.csv")),
                "one header, grpo's steps 5 and 6 of the first session gone, sdpo's row kept");
    }

    @Test
    void anArmNamedLikeTheHeadersFirstColumnResumesWithoutTakingTheHeaderForARow() throws IOException {
        LoggerContext context = new LoggerContext("e", directory, List.of("arm"));
        RunLogger logger = logger();
        logger.open(context);
        logger.log(new Scalars("arm", 1, values("eval/add", 0.5)));
        logger.log(new Scalars("arm", 2, values("eval/add", 0.75)));
        logger.resumed("arm", 1);
        logger.close();
        assertEquals(List.of(CsvLogger.HEADER, "arm,1,eval/add,0.5"), Files.readAllLines(directory.resolve("scalars.csv")));
    }

    @Test
    void aFileOutsideTheRunsDirectoryIsRefused() {
        for (String file : new String[] {"/tmp/scalars.csv", "../scalars.csv", " "}) {
            InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> new CsvLogger.Options(file));
            assertTrue(error.getMessage().contains("must be a relative path inside the run's directory"),
                    error.getMessage());
        }
        assertEquals("logs/scalars.csv", new CsvLogger.Options("logs/scalars.csv").file());
    }
}
