package org.cpt4j.kotlin

import java.io.ByteArrayOutputStream
import java.io.File
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import org.cpt4j.dsl.Cpt4j
import org.cpt4j.experiment.ExperimentSpec
import org.cpt4j.plugins.objectives.Objectives
import org.jetbrains.kotlin.cli.common.ExitCode
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler
import org.jspecify.annotations.NullMarked
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * What the compiler refuses, checked by compiling: an outer scope's settings are out of implicit reach inside an
 * inner block (`@Cpt4jDsl`; an explicit `this@arm` reaches them), and a setting cannot be read back. One
 * compilation of several files, its errors told apart by file.
 */
class CompiledScopesTest {

    @Test
    fun `the compiler keeps each block to its own scope`(@TempDir directory: Path) {
        val experiments = mapOf(
            "Legal" to """
                curriculum { stage("add") { steps = 10 } }
                arm("sdpo") {
                    objective = sdpo { alpha = 0.5 }
                    teacher = ema(0.05)
                    training { sampling { maxNewTokens = 8 } }
                }
                arm("reaching-out") { objective = sdpo { this@arm.teacher = this@arm.frozen() } }
            """,
            "TeacherInsideObjective" to """
                arm("sdpo") { objective = sdpo { teacher = frozen() } }
            """,
            "ArmInsideArm" to """
                arm("a") { arm("b") { } }
            """,
            "StageInsideStage" to """
                curriculum { stage("add") { stage("mod") } }
            """,
            "SettingRead" to """
                curriculum { stage("add") { steps = steps + 1 } }
            """,
        )
        val messages = compile(directory, experiments)
        val errors = messages.lines().filter { "error:" in it }
        val failing = experiments.keys.filter { name -> errors.any { "/$name.kt:" in it } }
        assertEquals(listOf("TeacherInsideObjective", "ArmInsideArm", "StageInsideStage", "SettingRead"), failing,
            messages)
        val outOfReach = "cannot be called in this context with an implicit receiver"
        for (name in failing.dropLast(1)) {
            assertTrue(errors.any { "/$name.kt:" in it && outOfReach in it }, "$name:\n$messages")
        }
        assertTrue(errors.any { "/SettingRead.kt:" in it && WRITE_ONLY in it }, messages)
    }

    /**
     * @return the compiler's messages about [experiments], each the body of an `experiment { }` block in a file of
     *     its name, compiled together against this module and its dependencies
     */
    private fun compile(directory: Path, experiments: Map<String, String>): String {
        val files = experiments.map { (name, body) ->
            directory.resolve("$name.kt").also {
                Files.writeString(it, "import org.cpt4j.kotlin.*\n\nval spec$name = experiment(\"x\") {\n"
                    + body.trimIndent() + "\n}\n")
            }
        }
        val classPath = listOf(ExperimentScope::class.java, Cpt4j::class.java, ExperimentSpec::class.java,
            Objectives::class.java, NullMarked::class.java, Unit::class.java)
            .map { File(it.protectionDomain.codeSource.location.toURI()).path }
            .distinct()
        val output = ByteArrayOutputStream()
        val code = K2JVMCompiler().exec(PrintStream(output, true, Charsets.UTF_8),
            "-no-stdlib", "-no-reflect", "-jvm-target", "17", "-classpath", classPath.joinToString(File.pathSeparator),
            "-d", directory.resolve("classes").toString(), *files.map { it.toString() }.toTypedArray())
        val messages = output.toString(Charsets.UTF_8)
        assertEquals(ExitCode.COMPILATION_ERROR, code, messages)
        return messages
    }
}
