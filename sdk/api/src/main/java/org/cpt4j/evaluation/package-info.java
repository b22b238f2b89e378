/** Evaluation results: per-domain accuracy, answer-format validity and response length. */
@NullMarked
package org.cpt4j.evaluation;

import org.jspecify.annotations.NullMarked;
