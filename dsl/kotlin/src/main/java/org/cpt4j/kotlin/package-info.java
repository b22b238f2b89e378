/**
 * Kotlin builders over the experiment DSL ({@code org.cpt4j.dsl}) and the built-in plugins' factories:
 * {@code experiment("x") { arm("sdpo") { objective = sdpo { alpha = 0.5 } } }} builds the {@code ExperimentSpec}
 * the Java DSL builds, with the Java DSL's defaults; {@code runExperiment(spec) { runs = dir }} runs it. The
 * builders are {@code @Cpt4jDsl} scopes: inside a block only that block's settings are in reach.
 */
@NullMarked
package org.cpt4j.kotlin;

import org.jspecify.annotations.NullMarked;
