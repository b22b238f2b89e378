package org.cpt4j.kotlin

import org.cpt4j.dsl.CurriculumBuilder

/** The stages in order and the extra evaluated domains ([CurriculumBuilder]). */
@Cpt4jDsl
public class CurriculumScope internal constructor(private val builder: CurriculumBuilder) {

    /** Appends a stage on [domain], with the Java DSL's default step count unless [configure] sets it. */
    public fun stage(domain: String, configure: StageScope.() -> Unit = {}) {
        builder.stage(domain) { StageScope(it).configure() }
    }

    /** Adds domains evaluated after every stage besides the curriculum's own (held-out, out-of-domain). */
    public fun evaluateOn(vararg domains: String) {
        builder.evaluateOn(*domains)
    }
}

/** One stage's settings ([CurriculumBuilder.StageBuilder]). */
@Cpt4jDsl
public class StageScope internal constructor(private val builder: CurriculumBuilder.StageBuilder) {

    /** On-policy steps on the stage's domain. */
    public var steps: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = writeOnly()
        set(value) {
            builder.steps(value)
        }
}
