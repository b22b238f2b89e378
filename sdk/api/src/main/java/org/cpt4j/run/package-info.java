/**
 * Running an experiment from code, and what a run produces: {@link org.cpt4j.run.RunOptions} (where files go,
 * checkpoint period, threads), {@link org.cpt4j.run.RunListener} (progress), {@link org.cpt4j.run.RunResult}
 * (each arm's {@link org.cpt4j.run.AccuracyMatrix} and collapse events) and {@link org.cpt4j.run.StepMetrics}
 * (one line of {@code metrics.jsonl}). The entry point is {@code Cpt4j.run(spec, ...)} in the DSL.
 */
@NullMarked
package org.cpt4j.run;

import org.jspecify.annotations.NullMarked;
