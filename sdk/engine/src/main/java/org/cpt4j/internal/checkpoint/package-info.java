/** Checkpoints: a policy's full training state with the step, random-stream state and spec hash. */
@NullMarked
package org.cpt4j.internal.checkpoint;

import org.jspecify.annotations.NullMarked;
