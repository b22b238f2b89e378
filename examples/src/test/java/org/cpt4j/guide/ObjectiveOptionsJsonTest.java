package org.cpt4j.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.objective.LossAggregation;
import org.cpt4j.plugins.objectives.GrpoConfig;
import org.cpt4j.plugins.objectives.ImportanceSampling;
import org.cpt4j.plugins.objectives.KlClamp;
import org.cpt4j.plugins.objectives.KlEstimator;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.objectives.RewardAggregation;
import org.cpt4j.plugins.objectives.RolloutCorrection;
import org.cpt4j.plugins.objectives.ScaleRewards;
import org.cpt4j.plugins.objectives.SdpoConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every objective option of docs/objectives.md is reachable from a JSON spec under its documented name, and reads as
 * the DSL's: GRPO set up as TRL's GSPO with verl's and OpenRLHF's pieces, SDPO as GKD's mean with rollout correction.
 */
class ObjectiveOptionsJsonTest {

    @TempDir
    Path directory;

    @Test
    void everyOptionReadsFromJsonAsTheDslSetsIt() throws IOException {
        Path file = Files.writeString(directory.resolve("options.json"), """
                {"name": "options",
                 "curriculum": {"stages": [{"domain": "count"}]},
                 "arms": [
                   {"name": "grpo", "objective": {"id": "grpo", "parameters": {
                      "rewardAggregation": "NORMALIZE_THEN_SUM", "scaleRewards": "NONE", "advantageEpsilon": 1e-4,
                      "importanceSampling": "SEQUENCE", "delta": 4, "clipHigh": 0.28, "klBeta": 0.01,
                      "klEstimator": "ABS", "klClamp": "OPENRLHF", "biasCorrectedKl": true, "aggregation": "TRL_GRPO",
                      "logitTemperature": 0.7, "rolloutCorrection": "SEQUENCE", "rolloutCorrectionThreshold": 3}}},
                   {"name": "sdpo", "objective": {"id": "sdpo", "parameters": {
                      "aggregation": "GKD_MEAN", "logitTemperature": 0.9, "rolloutCorrection": "TOKEN",
                      "grpo": {"importanceSampling": "SEQUENCE_TOKEN", "klClamp": "NONE"}}}}]}
                """);
        ExperimentSpec spec = ExperimentSpecFile.read(file);
        assertEquals(GrpoConfig.of(g -> g.rewardAggregation(RewardAggregation.NORMALIZE_THEN_SUM)
                        .scaleRewards(ScaleRewards.NONE).advantageEpsilon(1e-4)
                        .importanceSampling(ImportanceSampling.SEQUENCE).delta(4).clipHigh(0.28).klBeta(0.01)
                        .klEstimator(KlEstimator.ABS).klClamp(KlClamp.OPENRLHF).biasCorrectedKl(true)
                        .aggregation(LossAggregation.TRL_GRPO).logitTemperature(0.7)
                        .rolloutCorrection(RolloutCorrection.SEQUENCE).rolloutCorrectionThreshold(3)),
                Objectives.GRPO.parameters(spec.arms().get(0).objective().parameters()));
        assertEquals(SdpoConfig.of(s -> s.aggregation(LossAggregation.GKD_MEAN).logitTemperature(0.9)
                        .rolloutCorrection(RolloutCorrection.TOKEN)
                        .grpo(g -> g.importanceSampling(ImportanceSampling.SEQUENCE_TOKEN).klClamp(KlClamp.NONE))),
                Objectives.SDPO.parameters(spec.arms().get(1).objective().parameters()));
    }
}
