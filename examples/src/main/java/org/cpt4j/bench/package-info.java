/** The `cpt4j` benchmark: GEMM, training steps, sampling and on-policy step breakdown. */
@NullMarked
package org.cpt4j.bench;

import org.jspecify.annotations.NullMarked;
