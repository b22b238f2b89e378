package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugins.BuiltInPlugin;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.teachers.Teachers;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.run.RunOptions;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.spec.InvalidSpecException;
import org.example.brevity.BrevityPlugin;
import org.example.brevity.Budget;
import org.junit.jupiter.api.Test;

/** One injector per experiment: the plugins' components beside the engine's bindings, each attributed. */
class ExperimentEngineTest {

    private static final RunOptions SETTINGS = RunOptions.of(o -> o.runs(Path.of("target", "engine-test-runs")));

    private static ExperimentSpec brief(String objective) {
        return Cpt4j.experiment("brief")
                .curriculum(c -> c.stage("count", s -> s.steps(2)))
                .arm("first", a -> a.objective(ComponentSpec.of(objective))
                        .reward("correct", 1, ComponentSpec.of("correctness"))
                        .reward("brief", 0.2, BrevityPlugin.brevity(6)))
                .drift(BrevityPlugin.largestChange())
                .build();
    }

    @Test
    void theEngineResolvesWithEveryPluginOnTheClassPathAndNamesEachComponentsPlugin() {
        ExperimentEngine engine = ExperimentEngine.create(brief("grpo"), SETTINGS);
        assertEquals(List.of("correct", "brief"), engine.resolved().arms().get(0).reward().components().stream()
                .map(WeightedReward.Component::name).toList());
        assertEquals("largest-change", engine.resolved().drift().get(0).id());
        PluginRegistry.Entry brevity = engine.registry().entries().stream()
                .filter(e -> e.id().equals("brevity")).findFirst().orElseThrow();
        assertEquals(new BrevityPlugin().name(), brevity.plugin());
        assertTrue(brevity.source().contains("plugin-example") || brevity.source().contains("brevity-plugin"),
                brevity.source());
        assertTrue(engine.registry().entries().stream().filter(e -> e.kind() == ComponentKind.OBJECTIVE)
                .allMatch(e -> e.plugin().equals(new BuiltInPlugin().name())));
    }

    @Test
    void aWrongSpecFailsWhenTheEngineIsCreatedWithEveryProblem() {
        ExperimentSpec spec = Cpt4j.experiment("wrong")
                .curriculum(c -> c.stage("count", s -> s.steps(2)))
                .arm("first", a -> a.objective(ComponentSpec.of("gpro")))
                .arm("second", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.05))
                        .reward("brief", 1, ComponentSpec.of("brevity", Map.of("tokens", 0))))
                .build();
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> ExperimentEngine.create(spec, SETTINGS));
        assertTrue(error.getMessage().contains("arms[0].objective: unknown objective 'gpro'; did you mean 'grpo'?"),
                error.getMessage());
        assertTrue(error.getMessage().contains("arms[1].rewards[0].model.tokens: must be at least 1, was 0"),
                error.getMessage());
    }

    @Test
    void twoPluginsDeclaringOneIdFailInGuiceNamingBoth() {
        Cpt4jPlugin impostor = Cpt4jPlugin.of("impostor", List.of(Component.of(ComponentKind.REWARD, "brevity",
                new Budget(3), budget -> (RewardModel) (task, response, verdict, tokens) -> 0)));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> ExperimentEngine.create(
                brief("grpo"), SETTINGS, List.of(new BuiltInPlugin(), new BrevityPlugin(), impostor)));
        assertTrue(error.getMessage().contains("reward 'brevity' is declared by plugin " + new BrevityPlugin().name()
                + " ("), error.getMessage());
        assertTrue(error.getMessage().contains(") and by plugin impostor (declared in code)"), error.getMessage());
    }
}
