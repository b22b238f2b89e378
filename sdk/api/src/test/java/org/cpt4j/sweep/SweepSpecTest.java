package org.cpt4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** A sweep expands into arms × grid points × seeds, each task one arm with its point's values and its seed. */
class SweepSpecTest {

    private static final ExperimentSpec TWO_ARMS = ExperimentSpecFile.fromJson("""
            {"name": "swept", "seed": 3, "curriculum": {"stages": [{"domain": "count"}]},
             "arms": [{"name": "grpo", "objective": {"id": "grpo"}}, {"name": "sdpo", "objective": {"id": "sdpo"}}]}
            """, "test.json");

    @Test
    void everyArmAtEveryPointUnderEverySeedIsOneTask() {
        SweepSpec sweep = SweepSpec.of(TWO_ARMS, 2, List.of(GridAxis.parse("training.groupSize=2,4"),
                GridAxis.parse("arms.sdpo.objective.parameters.alpha = 0, 1")));
        List<SweepTask> tasks = sweep.tasks();
        assertEquals(2 * 2 * 2 * 2, tasks.size());
        assertEquals(List.of(3L, 4L), sweep.seeds(), "the experiment's seed and the one after it");
        SweepTask last = tasks.get(tasks.size() - 1);
        assertEquals(Map.of("training.groupSize", "4", "arms.sdpo.objective.parameters.alpha", "1"), last.point());
        assertEquals("sdpo", last.arm());
        assertEquals(4L, last.seed());
        assertEquals(4, last.spec().seed());
        assertEquals(List.of("sdpo"), last.spec().arms().stream().map(a -> a.name()).toList());
        assertEquals(4, last.spec().training().groupSize());
        assertEquals(1, ((Number) last.spec().arms().get(0).objective().parameters().get("alpha")).intValue());
        assertEquals(Path.of("training.groupSize=4,arms.sdpo.objective.parameters.alpha=1", "sdpo", "seed-4"),
                last.directory());
        assertEquals(Path.of("training.groupSize=2,arms.sdpo.objective.parameters.alpha=0", "grpo", "seed-3"),
                tasks.get(0).directory());
        assertEquals(tasks.size(), tasks.stream().map(SweepTask::directory).distinct().count(), "one folder each");
    }

    @Test
    void withoutAGridEachArmRunsUnderEachSeedAtTheDefaultPoint() {
        List<SweepTask> tasks = SweepSpec.of(TWO_ARMS, 3, List.of()).tasks();
        assertEquals(6, tasks.size());
        assertEquals(Path.of("default", "grpo", "seed-5"), tasks.get(2).directory());
    }

    @Test
    void aGridValueThatDoesNotFitItsPathIsRefusedBeforeAnythingRuns() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> SweepSpec.of(TWO_ARMS, 1, List.of(GridAxis.parse("training.groupSize=0,many"))).tasks());
        assertTrue(error.getMessage().contains("the sweep of 'swept'"), error.getMessage());
        assertTrue(error.getMessage().contains("training.groupSize"), error.getMessage());
    }

    @Test
    void axesAndSeedsAreCheckedWithWhatWouldFixThem() {
        assertEquals("a grid axis is path=v1,v2,...; was 'training.groupSize'",
                assertThrows(IllegalArgumentException.class, () -> GridAxis.parse("training.groupSize")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GridAxis.parse("seed=1,1")).getMessage()
                .contains("repeats a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GridAxis.parse("name=a/b")).getMessage()
                .contains("may hold only letters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GridAxis.parse("a/b=1")).getMessage()
                .contains("spec path"));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.of(TWO_ARMS, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec(TWO_ARMS, List.of(1L, 1L), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec(TWO_ARMS, List.of(1L),
                List.of(GridAxis.parse("seed=1,2"), GridAxis.parse("seed=3"))));
    }
}
