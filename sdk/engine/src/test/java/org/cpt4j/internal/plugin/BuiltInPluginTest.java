package org.cpt4j.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.objective.Objective;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugins.objectives.GrpoConfig;
import org.cpt4j.plugins.objectives.GrpoObjective;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.objectives.SdpoConfig;
import org.cpt4j.plugins.objectives.SdpoObjective;
import org.cpt4j.plugins.teachers.Teachers;
import org.cpt4j.spec.Problem;
import org.cpt4j.spec.Problems;
import org.junit.jupiter.api.Test;
import org.cpt4j.plugins.BuiltInPlugin;

class BuiltInPluginTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new BuiltInPlugin()));

    @Test
    void theServiceLoaderFindsTheBuiltInPlugin() {
        assertTrue(PluginRegistry.load().entries().stream().anyMatch(e -> e.plugin().equals("cpt4j-builtins")
                && e.id().equals("grpo")));
    }

    @Test
    void theBuiltInPluginRegistersEveryBuiltIn() {
        assertEquals(List.of("grpo", "sdpo"), REGISTRY.ids(ComponentKind.OBJECTIVE));
        assertEquals(List.of("frozen", "current", "ema", "periodic", "stageStart", "anchored", "trustRegion"),
                REGISTRY.ids(ComponentKind.TEACHER));
        assertEquals(List.of("correctness", "format", "lengthPenalty"), REGISTRY.ids(ComponentKind.REWARD));
        assertEquals(8, REGISTRY.ids(ComponentKind.DOMAIN).size());
        assertTrue(REGISTRY.entries().stream().allMatch(e -> e.plugin().equals("cpt4j-builtins")));
    }

    @Test
    void typedSpecsCreateTheConfiguredComponents() {
        Problems problems = new Problems("");
        Objective grpo = REGISTRY.create(ComponentKind.OBJECTIVE, Objectives.grpo(g -> g.epochs(2).clipHigh(0.28)),
                "arms[0].objective", problems);
        assertEquals(0.28, assertInstanceOf(GrpoObjective.class, grpo).config().clipHigh());
        assertEquals(2, grpo.epochs());
        Objective sdpo = REGISTRY.create(ComponentKind.OBJECTIVE, ComponentSpec.of("sdpo", Map.of("alpha", 0)),
                "arms[1].objective", problems);
        assertEquals(0.0, assertInstanceOf(SdpoObjective.class, sdpo).config().alpha());
        assertEquals("ema", REGISTRY.create(ComponentKind.TEACHER, Teachers.ema(0.1), "arms[1].teacher", problems).id());
        assertTrue(problems.isEmpty(), problems.list().toString());
    }

    @Test
    void sdposMixedInGrpoIsConfiguredFieldByFieldFromTheSpec() {
        Problems problems = new Problems("");
        Objective sdpo = REGISTRY.create(ComponentKind.OBJECTIVE, ComponentSpec.of("sdpo", Map.of("grpoWeight", 0.3,
                "grpo", Map.of("klBeta", 0.04, "clipHigh", 0.28))), "arms[0].objective", problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        SdpoConfig config = assertInstanceOf(SdpoObjective.class, sdpo).config();
        assertEquals(GrpoConfig.of(g -> g.klBeta(0.04).clipHigh(0.28)), config.grpo(), "unnamed fields keep defaults");
        assertEquals(config, SdpoConfig.of(s -> s.grpoWeight(0.3).grpo(g -> g.klBeta(0.04).clipHigh(0.28))));
        Objective typed = REGISTRY.create(ComponentKind.OBJECTIVE,
                Objectives.sdpo(s -> s.grpoWeight(0.3).grpo(g -> g.klBeta(0.04).clipHigh(0.28))), "arms[1].objective",
                problems);
        assertEquals(config, ((SdpoObjective) typed).config(), "the typed spec nests the GRPO options the same way");
    }

    @Test
    void problemsOfANestedParameterRecordCarryItsName() {
        Problems problems = new Problems("");
        assertNull(REGISTRY.create(ComponentKind.OBJECTIVE, ComponentSpec.of("sdpo", Map.of(
                "grpo", Map.of("clipLow", 1.5, "klBeta", -1, "gruop", 1))), "arms[2].objective", problems));
        assertEquals(List.of(new Problem("arms[2].objective.grpo.gruop",
                "is not a parameter of 'sdpo'; its parameters under grpo are [advantageEpsilon, aggregation, "
                        + "biasCorrectedKl, clipHigh, clipLow, delta, dualClip, entropyBonus, epochs, filterZeroVariance, "
                        + "importanceSampling, klBeta, klClamp, klEstimator, logitTemperature, maxResponseLength, "
                        + "rewardAggregation, rolloutCorrection, rolloutCorrectionThreshold, scaleRewards]"),
                new Problem("arms[2].objective.grpo.clipLow", "must be within (0, 1), was 1.5"),
                new Problem("arms[2].objective.grpo.klBeta", "must not be negative, was -1.0")), problems.list(),
                "an unknown name and the known parameters' problems in one pass");
        Problems invalid = new Problems("");
        assertNull(REGISTRY.create(ComponentKind.OBJECTIVE, ComponentSpec.of("sdpo", Map.of(
                "grpo", Map.of("clipLow", 1.5, "klBeta", -1, "epochs", 2))), "arms[2].objective", invalid));
        assertEquals(List.of(
                new Problem("arms[2].objective.grpo.clipLow", "must be within (0, 1), was 1.5"),
                new Problem("arms[2].objective.grpo.klBeta", "must not be negative, was -1.0")), invalid.list());
        Problems epochs = new Problems("");
        assertNull(REGISTRY.create(ComponentKind.OBJECTIVE, ComponentSpec.of("sdpo", Map.of(
                "grpo", Map.of("epochs", 2))), "arms[2].objective", epochs));
        assertEquals(List.of(new Problem("arms[2].objective.grpo.epochs",
                "the mixed-in GRPO loss runs in SDPO's epochs; set epochs instead (was 2)")), epochs.list());
    }

    @Test
    void invalidParametersAndUnknownIdsAreReportedWithPathsAndTheClosestId() {
        Problems problems = new Problems("");
        assertNull(REGISTRY.create(ComponentKind.OBJECTIVE, ComponentSpec.of("sdpo", Map.of("alpha", 1.5)),
                "arms[1].objective", problems));
        assertNull(REGISTRY.create(ComponentKind.OBJECTIVE, ComponentSpec.of("gpro"), "arms[2].objective", problems));
        assertNull(REGISTRY.create(ComponentKind.TEACHER, ComponentSpec.of("ema", Map.of("rte", 0.1)), "arms[3].teacher",
                problems));
        assertEquals(List.of(
                new Problem("arms[1].objective.alpha", "must be within [0, 1], was 1.5"),
                new Problem("arms[2].objective", "unknown objective 'gpro'; did you mean 'grpo'? Known: grpo, sdpo "
                        + "(from the plugins cpt4j-builtins; a component of another plugin needs its jar: on the class "
                        + "path, or for the cpt4j command --plugins JAR, CPT4J_PLUGINS or a plugins/ folder)"),
                new Problem("arms[3].teacher.rte", "is not a parameter of 'ema'; did you mean 'rate'? Its parameters are [rate]")),
                problems.list());
    }

    @Test
    void twoPluginsRegisteringOneIdAreNamedBoth() {
        Cpt4jPlugin impostor = Cpt4jPlugin.of("impostor", List.of(
                Component.of(ComponentKind.OBJECTIVE, "grpo", () -> Objectives.GRPO.create(Map.of()))));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PluginRegistry.of(List.of(new BuiltInPlugin(), impostor)));
        assertTrue(error.getMessage().contains("objective 'grpo' is declared by plugin cpt4j-builtins ("),
                error.getMessage());
        assertTrue(error.getMessage().contains(") and by plugin impostor (declared in code)"), error.getMessage());
    }

}
