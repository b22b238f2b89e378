package org.cpt4j.kotlin

import java.nio.file.Path
import org.cpt4j.objective.LossAggregation
import org.cpt4j.plugins.collapse.Collapse
import org.cpt4j.plugins.drift.Drift
import org.cpt4j.plugins.logging.Loggers
import org.cpt4j.plugins.objectives.GrpoConfig
import org.cpt4j.plugins.objectives.ImportanceSampling
import org.cpt4j.plugins.objectives.KlClamp
import org.cpt4j.plugins.objectives.KlEstimator
import org.cpt4j.plugins.objectives.Objectives
import org.cpt4j.plugins.objectives.RewardAggregation
import org.cpt4j.plugins.objectives.RolloutCorrection
import org.cpt4j.plugins.objectives.ScaleRewards
import org.cpt4j.plugins.rewards.Rewards
import org.cpt4j.plugins.teachers.Teachers
import org.cpt4j.run.RunOptions
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Test

/** The Kotlin factories are the plugins' own: each spec equals the Java factory's, every option set. */
class ComponentFactoriesTest {

    /** The factories outside any block: each kind's interface is public, so an object can hold them. */
    private object Factories : ObjectiveFactories, TeacherFactories, RewardFactories, DriftFactories,
        CollapseFactories, LoggerFactories

    @Test
    fun `grpo with every option`() {
        val kotlin = Factories.grpo {
            rewardAggregation = RewardAggregation.NORMALIZE_THEN_SUM
            scaleRewards = ScaleRewards.BATCH
            advantageEpsilon = 1e-4
            filterZeroVariance = true
            importanceSampling = ImportanceSampling.SEQUENCE
            clipLow = 0.1
            clipHigh = 0.28
            delta = 4.0
            dualClip = 3.0
            klBeta = 0.04
            klEstimator = KlEstimator.K1
            klClamp = KlClamp.OPENRLHF
            biasCorrectedKl = true
            entropyBonus = 0.01
            aggregation = LossAggregation.TRL_DR_GRPO
            maxResponseLength = 24
            logitTemperature = 0.7
            rolloutCorrection = RolloutCorrection.SEQUENCE
            rolloutCorrectionThreshold = 3.0
            epochs = 2
        }
        assertEquals(Objectives.grpo {
            it.rewardAggregation(RewardAggregation.NORMALIZE_THEN_SUM).scaleRewards(ScaleRewards.BATCH).advantageEpsilon(1e-4).filterZeroVariance(true)
                .importanceSampling(ImportanceSampling.SEQUENCE).clipLow(0.1).clipHigh(0.28).delta(4.0).dualClip(3.0)
                .klBeta(0.04).klEstimator(KlEstimator.K1).klClamp(KlClamp.OPENRLHF).biasCorrectedKl(true)
                .entropyBonus(0.01).aggregation(LossAggregation.TRL_DR_GRPO).maxResponseLength(24)
                .logitTemperature(0.7).rolloutCorrection(RolloutCorrection.SEQUENCE).rolloutCorrectionThreshold(3.0)
                .epochs(2)
        }, kotlin)
        assertEquals(GrpoConfig(RewardAggregation.NORMALIZE_THEN_SUM, ScaleRewards.BATCH, 1e-4, true, ImportanceSampling.SEQUENCE, 0.1, 0.28, 4.0, 3.0, 0.04,
            KlEstimator.K1, KlClamp.OPENRLHF, true, 0.01, LossAggregation.TRL_DR_GRPO, 24, 0.7, RolloutCorrection.SEQUENCE, 3.0, 2),
            Objectives.GRPO.parameters(kotlin.parameters))
        assertEquals(Factories.grpo { clip = 0.3 }, Factories.grpo {
            clipLow = 0.3
            clipHigh = 0.3
        })
        assertEquals(Objectives.grpo(), Factories.grpo())
    }

    @Test
    fun `sdpo with every option, its GRPO mixed in`() {
        val kotlin = Factories.sdpo {
            alpha = 0.25
            topK = 8
            tailBucket = false
            isClip = 3.0
            maskRatio = 0.1
            successThreshold = 0.75
            useFeedback = false
            aggregation = LossAggregation.TRL_GRPO
            logitTemperature = 0.9
            rolloutCorrection = RolloutCorrection.TOKEN
            grpoWeight = 0.3
            grpo { klBeta = 0.02 }
            epochs = 2
        }
        assertEquals(Objectives.sdpo { d ->
            d.alpha(0.25).topK(8).tailBucket(false).isClip(3.0).maskRatio(0.1).successThreshold(0.75)
                .useFeedback(false).aggregation(LossAggregation.TRL_GRPO).logitTemperature(0.9)
                .rolloutCorrection(RolloutCorrection.TOKEN).grpoWeight(0.3).grpo { it.klBeta(0.02) }.epochs(2)
        }, kotlin)
        assertNotEquals(Objectives.sdpo(), kotlin)
        assertEquals(Objectives.sdpo { it.alpha(1.0).sampledToken(true) }, Factories.sdpo {
            alpha = 1.0
            sampledToken = true
        })
        assertEquals(Objectives.sdpo(), Factories.sdpo())
    }

    @Test
    fun `teachers, rewards, drift metrics, collapse detectors and loggers`() {
        assertEquals(listOf(Teachers.frozen(), Teachers.current(), Teachers.ema(0.1), Teachers.periodic(20),
            Teachers.stageStart(), Teachers.anchored(0.3), Teachers.trustRegion(0.2)),
            with(Factories) {
                listOf(frozen(), current(), ema(0.1), periodic(20), stageStart(), anchored(0.3), trustRegion(0.2))
            })
        assertEquals(listOf(Rewards.CORRECTNESS.spec(), Rewards.FORMAT.spec(),
            Rewards.LENGTH_PENALTY.spec(Rewards.Budget(12))),
            with(Factories) { listOf(correctness(), format(), lengthPenalty(12)) })
        assertEquals(listOf(Drift.parameters(), Drift.spectral(), Drift.spectral(8), Drift.responses()),
            with(Factories) { listOf(parameters(), spectral(), spectral(8), responses()) })
        assertEquals(listOf(Collapse.entropyBelow(0.1), Collapse.formatFailureAbove(0.4),
            Collapse.truncationAbove(0.3), Collapse.repetitionAbove(0.2), Collapse.divergenceAbove(1.5),
            Collapse.nonFinite()),
            with(Factories) {
                listOf(entropyBelow(0.1), formatFailureAbove(0.4), truncationAbove(0.3), repetitionAbove(0.2),
                    divergenceAbove(1.5), nonFinite())
            })
        assertEquals(listOf(Loggers.csv(), Loggers.csv("x.csv")), with(Factories) { listOf(csv(), csv("x.csv")) })
    }

    @Test
    fun `run options`() {
        val options = runOptions {
            runs = Path.of("elsewhere")
            cache = Path.of("bases")
            checkpointEvery = 7
            threads = 3
            loggers(csv("x.csv"))
        }
        assertEquals(RunOptions.of {
            it.runs(Path.of("elsewhere")).cache(Path.of("bases")).checkpointEvery(7).threads(3)
                .loggers(Loggers.csv("x.csv"))
        }, options)
        assertEquals(RunOptions(Path.of("elsewhere"), Path.of("bases"), 7, 3, listOf(Loggers.csv("x.csv"))), options)
        assertEquals(Path.of("elsewhere", "cache"), runOptions { runs = Path.of("elsewhere") }.cache,
            "the cache follows the runs unless set")
    }
}
