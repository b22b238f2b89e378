package org.cpt4j.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.plugins.BuiltInPlugin;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.run.RunOptions;
import org.cpt4j.sweep.GridAxis;
import org.cpt4j.sweep.SweepListener;
import org.cpt4j.sweep.SweepOptions;
import org.cpt4j.sweep.SweepResult;
import org.cpt4j.sweep.SweepSpec;
import org.cpt4j.sweep.SweepTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep runs its tasks, each in its own runs directory, and aggregates them over the seeds: the same
 * {@code sweep.json} whether its tasks ran one at a time or two at once, and again when the sweep is run a second
 * time (every task resumes as finished).
 */
class LocalSweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Cpt4jEngine ENGINE = Cpt4jEngine.builder().plugins(List.of(new BuiltInPlugin())).build();

    @TempDir
    Path directory;

    private static ExperimentSpec tiny() {
        return Cpt4j.experiment("swept")
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(10).batchSize(4).mix("count"))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(6)))
                .evaluation(e -> e.prompts(4).maxNewTokens(32))
                .curriculum(c -> c.stage("count", s -> s.steps(2)))
                .arm("grpo", a -> a.objective(Objectives.grpo()))
                .build();
    }

    private SweepResult sweep(String folder, int parallel, List<String> events) {
        RunOptions run = RunOptions.of(o -> o.runs(directory.resolve(folder)).cache(directory.resolve("cache"))
                .threads(1));
        SweepSpec spec = SweepSpec.of(tiny(), 2, List.of(GridAxis.parse("training.optimizer.learningRate=0.001,0.01")));
        return ENGINE.sweep(spec, new SweepOptions(run, parallel), new SweepListener() {
            @Override
            public synchronized void onTaskEnded(SweepTask task, Optional<String> error) {
                events.add(task.directory() + (error.isPresent() ? " failed" : ""));
            }
        });
    }

    @Test
    void theAggregateIsTheSameOneAtATimeTwoAtOnceAndResumed() throws IOException {
        List<String> events = new ArrayList<>();
        SweepResult two = sweep("two", 2, events);
        assertEquals(4, events.size(), "every task ended: " + events);
        assertEquals(List.of(), events.stream().filter(e -> e.endsWith("failed")).toList());
        SweepResult one = sweep("one", 1, new ArrayList<>());
        String written = Files.readString(two.file());
        assertEquals(written, Files.readString(one.file()), "sweep.json does not depend on how many ran at once");
        sweep("two", 2, new ArrayList<>());
        assertEquals(written, Files.readString(two.file()), "a finished sweep run again resumes to the same aggregate");

        JsonNode file = JSON.readTree(written);
        assertEquals("cpt4j-sweep", file.get("format").asText());
        assertEquals(1, file.get("version").asInt());
        assertEquals(4, file.get("tasks").size());
        assertEquals(2, two.groups().size(), "one group per learning rate");
        SweepResult.Group group = two.groups().get(1);
        assertEquals(List.of(7L, 8L), group.seeds());
        assertEquals("0.01", group.point().get("training.optimizer.learningRate"));
        for (int seed = 0; seed < 2; seed++) {
            Path measures = directory.resolve("two").resolve(SweepTask.pointName(group.point())).resolve("grpo")
                    .resolve("seed-" + (7 + seed)).resolve("swept/grpo/measures.json");
            double accuracy = JSON.readTree(measures.toFile()).get("accuracy").asDouble();
            assertEquals(accuracy, group.measures().get("accuracy").perSeed().get(seed), 1e-12,
                    "seed " + (7 + seed) + "'s own measures.json");
        }
        assertTrue(Files.isRegularFile(group.report().orElseThrow()), "the report over the seeds");
    }
}
