/** The benchmark behind {@code Cpt4jEngine.bench}: GEMM, training steps, sampling and the on-policy step's phases. */
@NullMarked
package org.cpt4j.internal.bench;

import org.jspecify.annotations.NullMarked;
