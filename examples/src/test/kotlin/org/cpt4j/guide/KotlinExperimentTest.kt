package org.cpt4j.guide

import java.nio.file.Path
import org.cpt4j.dsl.Cpt4j
import org.cpt4j.experiment.ExperimentSpecFile
import org.cpt4j.plugins.objectives.Objectives
import org.cpt4j.plugins.teachers.Teachers
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** The user guide's experiment in Kotlin: the Java DSL with trailing lambdas, no adapter code. */
class KotlinExperimentTest {

    @Test
    fun `the Kotlin experiment is the same spec as the Java one and the shipped JSON`() {
        // --- user-guide: kotlin ---
        val spec = Cpt4j.experiment("sdpo-vs-grpo")
            .seed(7)
            .curriculum { c ->
                c.stage("add") { it.steps(100) }
                    .stage("reverse") { it.steps(100) }
                    .stage("count") { it.steps(100) }
                    .evaluateOn("mod", "add-long", "sort", "copy", "compare")
            }
            .arm("grpo") { it.objective(Objectives.grpo { g -> g.klBeta(0.04) }) }
            .arm("sdpo-frozen") { it.objective(Objectives.sdpo()).teacher(Teachers.frozen()) }
            .arm("sdpo-ema") { it.objective(Objectives.sdpo()).teacher(Teachers.ema(0.05)) }
            .build()
        // --- end ---
        assertEquals(ExperimentSpecFile.read(Path.of("experiments/sdpo-vs-grpo.json")), spec)
        assertEquals(UserGuideTest.guideExperiment(), spec)
    }
}
