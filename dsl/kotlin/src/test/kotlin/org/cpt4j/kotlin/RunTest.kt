package org.cpt4j.kotlin

import java.nio.file.Files
import java.nio.file.Path
import org.cpt4j.run.RunListener
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** A tiny experiment (1 layer of width 16, 10 pretraining steps, 2 steps of post-training) run from Kotlin. */
class RunTest {

    @Test
    fun `a Kotlin experiment runs, heard by lambdas, its results by name`(@TempDir directory: Path) {
        val spec = experiment("kotlin-tiny") {
            model {
                layers = 1
                width = 16
                heads = 2
                context = 48
            }
            base {
                steps = 10
                batchSize = 4
                mix("count")
            }
            curriculum {
                stage("count") { steps = 2 }
                evaluateOn("compare")
            }
            training {
                promptsPerStep = 2
                groupSize = 2
                sampling { maxNewTokens = 6 }
            }
            evaluation { prompts = 4 }
            arm("sdpo") {
                objective = sdpo { alpha = 1.0 }
                teacher = ema(0.1)
            }
        }
        // --- user-guide: kotlin run ---
        val progress = mutableListOf<String>()
        val listener = RunListener.all(
            RunListener.onStep { arm, _, stage, stageStep, metrics ->
                progress += "$arm ${stage.domain} step $stageStep: reward ${metrics.rewardMean}"
            },
            RunListener.onEvaluation { arm, point -> progress += "$arm evaluated ${point.kind}" },
        )
        val result = runExperiment(spec, listener) {
            runs = directory
            threads = 1
        }
        for (arm in result.arms) {
            println("${arm.name}: ${arm.accuracy.format()}")
        }
        val sdpo = result.arm("sdpo")
        // --- end ---
        assertEquals(listOf("sdpo"), result.arms.map { it.name })
        assertEquals(listOf("count", "compare"), sdpo.accuracy.domains)
        assertEquals(listOf("base", "after count"), sdpo.accuracy.rows)
        assertEquals(listOf("sdpo count step 0", "sdpo count step 1"),
            progress.filter { " step " in it }.map { it.substringBefore(":") })
        assertEquals(listOf("sdpo evaluated BASE", "sdpo evaluated STAGE_END"), progress.filter { "evaluated" in it })
        assertTrue(Files.isRegularFile(directory.resolve("kotlin-tiny").resolve("sdpo").resolve("accuracy.csv")))
    }
}
