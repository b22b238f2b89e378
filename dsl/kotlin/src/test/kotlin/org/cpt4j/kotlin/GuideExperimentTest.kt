package org.cpt4j.kotlin

import java.nio.file.Path
import org.cpt4j.dsl.Cpt4j
import org.cpt4j.experiment.ExperimentSpecFile
import org.cpt4j.plugins.collapse.Collapse
import org.cpt4j.plugins.drift.Drift
import org.cpt4j.plugins.objectives.Objectives
import org.cpt4j.plugins.teachers.Teachers
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** The user guide's experiment in the Kotlin DSL (docs/user-guide.md, "In Kotlin"): keep the two identical. */
class GuideExperimentTest {

    @Test
    fun `the guide's Kotlin experiment is the Java DSL's and the shipped JSON`() {
        // --- user-guide: kotlin ---
        val spec = experiment("sdpo-vs-grpo") {
            seed = 7
            curriculum {
                stage("add") { steps = 100 }
                stage("mod") { steps = 100 }
                stage("count") { steps = 100 }
                evaluateOn("add-long", "reverse", "sort", "copy", "compare")
            }
            arm("grpo") { objective = grpo { klBeta = 0.04 } }
            arm("sdpo-frozen") {
                objective = sdpo()
                teacher = frozen()
            }
            arm("sdpo-ema") {
                objective = sdpo()
                teacher = ema(0.05)
            }
            drift(parameters(), spectral(), responses())
            collapse(entropyBelow(0.05), formatFailureAbove(0.5), nonFinite())
            evaluation { maxNewTokens = 32 }
        }
        // --- end ---
        assertEquals(ExperimentSpecFile.read(Path.of("../../examples/experiments/sdpo-vs-grpo.json")), spec)
        assertEquals(javaDsl(), spec)
    }

    /** The guide's Java experiment (examples' UserGuideTest), from Kotlin. */
    private fun javaDsl() = Cpt4j.experiment("sdpo-vs-grpo")
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
}
