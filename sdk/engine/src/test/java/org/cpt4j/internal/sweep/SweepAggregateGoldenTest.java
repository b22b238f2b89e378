package org.cpt4j.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.internal.store.GoldenFiles;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ArmResult;
import org.cpt4j.run.ContinualMeasures;
import org.cpt4j.sweep.GridAxis;
import org.cpt4j.sweep.SweepResult;
import org.cpt4j.sweep.SweepSpec;
import org.cpt4j.sweep.SweepTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep.json} from results made by hand (no training, so the same bytes on every CPU) against its golden file
 * {@code src/test/resources/golden/sweep.json}: one arm at two grid points under two seeds, one of which failed at the
 * second point, and a measure one stage does not define (BWT), which is written as null and named under
 * {@code nonFinite}.
 */
class SweepAggregateGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/sweep.json");

    @TempDir
    Path directory;

    private static ArmResult arm(double base, double after, int collapses) {
        AccuracyMatrix matrix = new AccuracyMatrix("grpo", List.of("count", "compare"), List.of("base", "after count"),
                new double[][] {{base, 0.5}, {after, 0.25}});
        List<CollapseEvent> events = java.util.Collections.nCopies(collapses,
                new CollapseEvent("entropyBelow", 1, "entropy 0.010 < 0.050", CollapseEvent.Severity.WARNING));
        return new ArmResult("grpo", matrix, ContinualMeasures.of(matrix, List.of("count")), events, List.of(),
                List.of(), Optional.empty(), List.of());
    }

    @Test
    void theAggregateOfHandMadeResultsIsItsGoldenFile() throws IOException {
        ExperimentSpec experiment = ExperimentSpecFile.fromJson("""
                {"name": "swept", "curriculum": {"stages": [{"domain": "count"}]},
                 "arms": [{"name": "grpo", "objective": {"id": "grpo"}}]}""", "test.json");
        SweepSpec sweep = new SweepSpec(experiment, List.of(7L, 8L),
                List.of(GridAxis.parse("training.optimizer.learningRate=0.001,0.01")));
        List<SweepTask> tasks = sweep.tasks();
        Map<SweepTask, Optional<ArmResult>> results = new LinkedHashMap<>();
        results.put(tasks.get(0), Optional.of(arm(0.25, 0.75, 0)));
        results.put(tasks.get(1), Optional.of(arm(0.5, 0.5, 2)));
        results.put(tasks.get(2), Optional.of(arm(0.25, 1.0, 1)));
        results.put(tasks.get(3), Optional.empty());
        Map<SweepTask, SweepTask> ranAs = new LinkedHashMap<>();
        tasks.forEach(task -> ranAs.put(task, task));
        Map<Path, String> failures = Map.of(tasks.get(3).directory(), "java.lang.IllegalStateException: out of cheese");
        Path root = directory.resolve("sweeps");
        Map<String, Path> reports = Map.of("training.optimizer.learningRate=0.001/grpo",
                root.resolve("training.optimizer.learningRate=0.001/grpo/report.html"));

        SweepResult result = SweepAggregate.write(sweep, results, ranAs, failures, root, reports);

        GoldenFiles.assertSameBytes(GOLDEN, result.file());
        assertEquals(List.of(7L, 8L), result.groups().get(0).seeds());
        assertEquals(List.of(7L), result.groups().get(1).seeds(), "the failed seed is left out");
        assertEquals(0.625, result.groups().get(0).measures().get("accuracy").mean(), 1e-15, "ACC after the stage: 0.75, 0.5");
        assertEquals(1.0, result.groups().get(0).measures().get("collapseEvents").mean(), 1e-15);
        assertEquals(Optional.empty(), result.groups().get(1).report());
    }
}
