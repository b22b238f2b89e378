package org.cpt4j.runtime;

import java.nio.file.Path;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.run.RunResult;

/** A user's program: a 2-step experiment on a tiny model, run from {@code main} with cpt4j-runtime alone. */
final class TinyExperiment {

    private TinyExperiment() {
    }

    /** @param args the directory for the runs */
    public static void main(String[] args) {
        ExperimentSpec spec = Cpt4j.experiment("tiny")
                .model(m -> m.layers(1).width(16).heads(2).context(48))
                .base(b -> b.steps(10).batchSize(4).mix("count"))
                .curriculum(c -> c.stage("count", s -> s.steps(2)))
                .training(t -> t.promptsPerStep(2).groupSize(2).sampling(s -> s.maxNewTokens(6)))
                .evaluation(e -> e.prompts(4))
                .arm("grpo", a -> a.objective(Objectives.grpo()))
                .build();
        RunResult result = Cpt4j.run(spec, o -> o.runs(Path.of(args[0])).threads(1));
        System.out.println(result.arm("grpo").accuracy().format());
    }
}
