package org.cpt4j.kotlin

/**
 * Marks the experiment builders' scopes. Inside a block only that block's own settings are callable without a
 * receiver: in `arm("sdpo") { objective = sdpo { alpha = 0.5 } }`, `sdpo { }` may not set the arm's `teacher` or
 * add another `arm`, which without the marker would compile and quietly configure the outer builder. Reaching out
 * takes an explicit receiver (`this@experiment`), so it reads as what it is.
 */
@DslMarker
@Target(AnnotationTarget.CLASS, AnnotationTarget.TYPE)
public annotation class Cpt4jDsl

/**
 * Why a setting cannot be read back: a scope writes into the Java DSL's builder, which keeps the default until a
 * setting replaces it, so the default is said once, there.
 */
internal const val WRITE_ONLY: String =
    "Write-only: a setting's default lives in the Java DSL's builder, which this scope writes into"

internal fun writeOnly(): Nothing = throw UnsupportedOperationException(WRITE_ONLY)
