package org.cpt4j.guide

import java.nio.file.Files
import java.nio.file.Path
import org.cpt4j.dsl.Cpt4j
import org.cpt4j.experiment.ExperimentSpecFile
import org.cpt4j.plugins.collapse.Collapse
import org.cpt4j.plugins.drift.Drift
import org.cpt4j.plugins.objectives.Objectives
import org.cpt4j.plugins.teachers.Teachers
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The user guide's experiment in Kotlin through the Java DSL itself: trailing lambdas, no adapter code. The Kotlin
 * DSL (cpt4j-kotlin, the guide's "In Kotlin") is checked in dsl/kotlin.
 */
class KotlinExperimentTest {

    @Test
    fun `the Kotlin experiment is the same spec as the Java one and the shipped JSON`() {
        val spec = Cpt4j.experiment("sdpo-vs-grpo")
            .seed(7)
            .curriculum { c ->
                c.stage("add") { it.steps(100) }
                    .stage("mod") { it.steps(100) }
                    .stage("count") { it.steps(100) }
                    .evaluateOn("add-long", "reverse", "sort", "copy", "compare")
            }
            .arm("grpo") { it.objective(Objectives.grpo { g -> g.klBeta(0.04) }) }
            .arm("sdpo-frozen") { it.objective(Objectives.sdpo()).teacher(Teachers.frozen()) }
            .arm("sdpo-ema") { it.objective(Objectives.sdpo()).teacher(Teachers.ema(0.05)) }
            .drift(Drift.parameters(), Drift.spectral(), Drift.responses())
            .collapse(Collapse.entropyBelow(0.05), Collapse.formatFailureAbove(0.5), Collapse.nonFinite())
            .evaluation { it.maxNewTokens(32) }
            .build()
        assertEquals(ExperimentSpecFile.read(Path.of("experiments/sdpo-vs-grpo.json")), spec)
        assertEquals(UserGuideTest.guideExperiment(), spec)
    }

    @Test
    fun `a Kotlin experiment runs with a trailing lambda for its options`(@TempDir runs: Path) {
        val spec = Cpt4j.experiment("kotlin-tiny")
            .model { it.layers(1).width(16).heads(2).context(48) }
            .base { it.steps(10).batchSize(4).mix("count") }
            .curriculum { c -> c.stage("count") { it.steps(2) }.evaluateOn("compare") }
            .training { t -> t.promptsPerStep(2).groupSize(2).sampling { it.maxNewTokens(6) } }
            .evaluation { it.prompts(4) }
            .arm("sdpo") { it.objective(Objectives.sdpo { d -> d.alpha(1.0) }).teacher(Teachers.ema(0.1)) }
            .build()
        val result = Cpt4j.run(spec) { it.runs(runs).threads(1) }
        val accuracy = result.arm("sdpo").accuracy()
        assertEquals(listOf("count", "compare"), accuracy.domains())
        assertEquals(listOf("base", "after count"), accuracy.rows())
        assertTrue(Files.isRegularFile(runs.resolve("kotlin-tiny").resolve("sdpo").resolve("accuracy.csv")))
    }
}
