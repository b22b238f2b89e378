/**
 * The experiment DSL: {@link org.cpt4j.dsl.Cpt4j#experiment(String)} and its builders, which produce an
 * immutable {@link org.cpt4j.experiment.ExperimentSpec}. The DSL knows no plugin by name; typed factories
 * (the built-ins' {@code Objectives}, {@code Teachers}, ...) give it component specs.
 */
@NullMarked
package org.cpt4j.dsl;

import org.jspecify.annotations.NullMarked;
