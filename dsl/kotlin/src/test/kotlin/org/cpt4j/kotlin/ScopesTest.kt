package org.cpt4j.kotlin

import java.nio.file.Files
import java.nio.file.Path
import org.cpt4j.plugins.objectives.Objectives
import org.cpt4j.plugins.teachers.Teachers
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The scopes nest as the spec does. That an outer scope's members are out of implicit reach inside an inner block
 * (no `arm(...)` inside `sdpo { }`) is the compiler's check, which `@Cpt4jDsl` on each scope turns on; these tests
 * check the marker is on every scope and that each block builds its own part.
 */
class ScopesTest {

    @Test
    fun `every scope is marked, so an inner block cannot reach an outer builder implicitly`() {
        val classes = Path.of("target/classes/org/cpt4j/kotlin")
        val scopes = Files.list(classes).use { files ->
            files.map { it.fileName.toString() }.filter { it.endsWith("Scope.class") }
                .map { Class.forName("org.cpt4j.kotlin." + it.removeSuffix(".class")) }.toList()
        }
        assertTrue(scopes.size >= 15, "scopes found: $scopes")
        for (scope in scopes) {
            assertTrue(scope.isAnnotationPresent(Cpt4jDsl::class.java), "$scope is not @Cpt4jDsl")
        }
    }

    @Test
    fun `nested blocks build their own parts`() {
        val spec = experiment("nested") {
            curriculum { stage("add") { steps = 3 } }
            training { sampling { maxNewTokens = 10 } }
            arm("sdpo") {
                objective = sdpo {
                    grpoWeight = 0.5
                    grpo { klBeta = 0.1 } // SdpoScope.grpo, the loss mixed in: not the arm's grpo objective
                }
                teacher = ema(0.05)
                training { sampling { maxNewTokens = 20 } }
            }
            collapse(formatFailureAbove(0.5)) { rollback { teacher = frozen() } }
        }
        assertEquals(Objectives.sdpo { d -> d.grpoWeight(0.5).grpo { it.klBeta(0.1) } }, spec.arms[0].objective)
        assertEquals(Teachers.ema(0.05), spec.arms[0].teacher, "the rollback's teacher is the rollback's")
        assertEquals(Teachers.frozen(), spec.collapse[0].action.change!!.teacher)
        assertEquals(10, spec.training.sampling.maxNewTokens)
        assertEquals(20, spec.trainingOf(spec.arms[0]).sampling.maxNewTokens, "the arm's own training is its own")
        assertEquals(3, spec.curriculum.stages[0].steps)
    }

    @Test
    fun `the model is set in one place, the base has no model of its own`() {
        val baseSettings = BaseScope::class.java.methods.map { it.name }
        assertEquals(listOf<String>(), baseSettings.filter { "model" in it.lowercase() }, "$baseSettings")
        val spec = experiment("model") {
            model { layers = 1 }
            base { steps = 10 }
            curriculum { stage("add") }
            arm("grpo") { objective = grpo() }
        }
        assertEquals(1, spec.base.model.layers)
    }
}
