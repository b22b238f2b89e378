package org.cpt4j.kotlin

import org.cpt4j.domain.SolutionStyle
import org.cpt4j.dsl.Cpt4j
import org.cpt4j.dsl.ExperimentBuilder
import org.cpt4j.evaluation.EvaluationSampling
import org.cpt4j.evaluation.EvaluationSpec
import org.cpt4j.experiment.ArmChange
import org.cpt4j.experiment.CollapseAction
import org.cpt4j.experiment.ComponentSpec
import org.cpt4j.experiment.CurriculumSpec
import org.cpt4j.experiment.ExperimentSpec
import org.cpt4j.experiment.RewardSpec
import org.cpt4j.experiment.StageSpec
import org.cpt4j.model.ModelConfig
import org.cpt4j.model.OptimizerConfig
import org.cpt4j.plugins.collapse.Collapse
import org.cpt4j.plugins.drift.Drift
import org.cpt4j.plugins.objectives.Objectives
import org.cpt4j.plugins.rewards.Rewards
import org.cpt4j.plugins.teachers.Teachers
import org.cpt4j.sampling.SamplingConfig
import org.cpt4j.spec.InvalidSpecException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test

/**
 * Every setting of every part reaches the spec as the Java DSL's does: each test sets all of a part's settings to
 * values other than their defaults, in both DSLs, and compares the two specs and the part itself.
 */
class ExperimentScopeTest {

    private fun kotlin(configure: ExperimentScope.() -> Unit): ExperimentSpec = experiment("parts") {
        curriculum { stage("add") }
        arm("grpo") { objective = grpo() }
        configure()
    }

    private fun java(configure: ExperimentBuilder.() -> Unit): ExperimentSpec = Cpt4j.experiment("parts")
        .curriculum { it.stage("add") }
        .arm("grpo") { it.objective(Objectives.grpo()) }
        .apply(configure)
        .build()

    @Test
    fun `seed and model`() {
        val spec = kotlin {
            seed = 11
            model {
                layers = 1
                width = 16
                heads = 2
                context = 48
                vocabulary = 40
                tiedEmbeddings = false
            }
        }
        assertEquals(java {
            seed(11).model { it.layers(1).width(16).heads(2).context(48).vocabulary(40).tiedEmbeddings(false) }
        }, spec)
        assertEquals(11L, spec.seed)
        assertEquals(ModelConfig(1, 16, 2, 48, 40, false), spec.base.model)
    }

    @Test
    fun base() {
        val spec = kotlin {
            base {
                steps = 20
                batchSize = 4
                mix("count", "compare")
                teacherFraction = 0.25
                responseStyle = SolutionStyle.SHORT
                seed = 3
                optimizer {
                    learningRate = 2e-3
                    betas(0.8, 0.9)
                    epsilon = 1e-6
                    weightDecay = 0.0
                    warmupSteps = 2
                    totalSteps = 20
                    minLearningRateRatio = 0.2
                    maxGradNorm = 0.5
                }
            }
        }
        assertEquals(java {
            base { b ->
                b.steps(20).batchSize(4).mix("count", "compare").teacherFraction(0.25)
                    .responseStyle(SolutionStyle.SHORT).seed(3)
                    .optimizer {
                        it.learningRate(2e-3).betas(0.8, 0.9).epsilon(1e-6).weightDecay(0.0).warmupSteps(2)
                            .totalSteps(20).minLearningRateRatio(0.2).maxGradNorm(0.5)
                    }
            }
        }, spec)
        val base = spec.base
        assertEquals(listOf(20, 4, 0.25, SolutionStyle.SHORT, 3L, listOf("count", "compare")),
            listOf(base.steps, base.batchSize, base.teacherFraction, base.responseStyle, base.seed, base.mix))
        assertEquals(OptimizerConfig(2e-3, 0.8, 0.9, 1e-6, 0.0, 2, 20, 0.2, 0.5), base.optimizer)
    }

    @Test
    fun curriculum() {
        val spec = kotlin {
            curriculum {
                stage("add") { steps = 5 }
                stage("mod")
                evaluateOn("count", "compare")
            }
        }
        assertEquals(java {
            curriculum { c -> c.stage("add") { it.steps(5) }.stage("mod").evaluateOn("count", "compare") }
        }, spec)
        assertEquals(CurriculumSpec(listOf(StageSpec("add", 5), StageSpec("mod", 100)), listOf("count", "compare")),
            spec.curriculum, "a stage without a block has the Java DSL's default steps")
    }

    @Test
    fun training() {
        val spec = kotlin {
            training {
                promptsPerStep = 2
                groupSize = 4
                sampling {
                    temperature = 0.7
                    topK = 5
                    topP = 0.9
                    maxNewTokens = 12
                }
                optimizer {
                    learningRate = 5e-4
                    warmupSteps = 3
                }
            }
        }
        assertEquals(java {
            training { t ->
                t.promptsPerStep(2).groupSize(4)
                    .sampling { it.temperature(0.7).topK(5).topP(0.9).maxNewTokens(12) }
                    .optimizer { it.learningRate(5e-4).warmupSteps(3) }
            }
        }, spec)
        assertEquals(listOf(2, 4, SamplingConfig(0.7, 5, 0.9, 12)),
            listOf(spec.training.promptsPerStep, spec.training.groupSize, spec.training.sampling))
        assertEquals(OptimizerConfig.of { it.learningRate(5e-4).warmupSteps(3) }, spec.training.optimizer)
    }

    @Test
    fun evaluation() {
        val spec = kotlin {
            evaluation {
                everySteps = 25
                prompts = 50
                maxNewTokens = 16
                sampling = passAtK(4, 0.8)
                seed = 3
            }
        }
        assertEquals(java {
            evaluation {
                it.everySteps(25).prompts(50).maxNewTokens(16).sampling(EvaluationSampling.passAtK(4, 0.8)).seed(3)
            }
        }, spec)
        assertEquals(EvaluationSpec(25, 50, 16, EvaluationSampling(0.8, 4), 3), spec.evaluation)
        assertEquals(EvaluationSampling.greedy(), kotlin { evaluation { sampling = greedy() } }.evaluation.sampling)
    }

    @Test
    fun arms() {
        val spec = kotlin {
            arm("sdpo") {
                objective = sdpo { alpha = 1.0 }
                teacher = trustRegion(0.1)
                reward("correct", 1.0, correctness())
                reward("format", 0.1, format())
                reward("short", 0.05, lengthPenalty(12))
                training { groupSize = 4 }
            }
        }
        assertEquals(java {
            arm("sdpo") { a ->
                a.objective(Objectives.sdpo { it.alpha(1.0) }).teacher(Teachers.trustRegion(0.1))
                    .reward("correct", 1.0, Rewards.CORRECTNESS.spec())
                    .reward("format", 0.1, Rewards.FORMAT.spec())
                    .reward("short", 0.05, Rewards.LENGTH_PENALTY.spec(Rewards.Budget(12)))
                    .training { it.groupSize(4) }
            }
        }, spec)
        val sdpo = spec.arms[1]
        assertEquals(listOf("grpo", "sdpo"), spec.arms.map { it.name })
        assertEquals(ComponentSpec.of("trustRegion", mapOf("rate" to 0.1)), sdpo.teacher)
        assertEquals(RewardSpec("short", 0.05, ComponentSpec.of("lengthPenalty", mapOf("budget" to 12))),
            sdpo.rewards[2])
        assertEquals(4, spec.trainingOf(sdpo).groupSize)
        assertEquals(8, spec.trainingOf(spec.arms[0]).groupSize, "the other arm keeps the experiment's training")
    }

    @Test
    fun drift() {
        val spec = kotlin { drift(parameters(), spectral(), spectral(8), responses()) }
        assertEquals(java { drift(Drift.parameters(), Drift.spectral(), Drift.spectral(8), Drift.responses()) }, spec)
        assertEquals(listOf("parameters", "spectral", "spectral", "responses"), spec.drift.map { it.id })
    }

    @Test
    fun collapse() {
        val spec = kotlin {
            collapse(entropyBelow(0.05), truncationAbove(0.4), repetitionAbove(0.3), divergenceAbove(2.0))
            collapse(nonFinite()) { stop() }
            collapse(formatFailureAbove(0.5)) {
                rollback {
                    learningRateScale = 0.5
                    teacher = frozen()
                }
                maxTimes = 2
            }
        }
        assertEquals(java {
            collapse(Collapse.entropyBelow(0.05), Collapse.truncationAbove(0.4), Collapse.repetitionAbove(0.3),
                Collapse.divergenceAbove(2.0))
            collapse(Collapse.nonFinite()) { it.stop() }
            collapse(Collapse.formatFailureAbove(0.5)) { action ->
                action.rollback { it.learningRateScale(0.5).teacher(Teachers.frozen()) }.maxTimes(2)
            }
        }, spec)
        assertEquals(listOf(CollapseAction.RECORD), spec.collapse.take(4).map { it.action }.distinct())
        assertEquals(CollapseAction(CollapseAction.Kind.STOP, null, 0), spec.collapse[4].action)
        assertEquals(CollapseAction(CollapseAction.Kind.ROLLBACK, ArmChange(0.5, Teachers.frozen()), 2),
            spec.collapse[5].action)
    }

    @Test
    fun `problems are the Java DSL's, every one with its path`() {
        val error = assertThrows(InvalidSpecException::class.java) {
            experiment("bad") {
                model {
                    width = 66
                    heads = 4
                }
                arm("a") { teacher = frozen() }
            }
        }
        assertEquals(listOf("base.model.width", "arms[0].objective", "curriculum.stages"),
            error.problems().map { it.path() })
    }
}
