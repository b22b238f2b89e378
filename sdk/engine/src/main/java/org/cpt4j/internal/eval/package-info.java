/** Evaluation of a policy on held-out tasks. */
@NullMarked
package org.cpt4j.internal.eval;

import org.jspecify.annotations.NullMarked;
