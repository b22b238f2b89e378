/** Base-model pretraining: the example stream, the training loop, its checkpoints and its cache. */
@NullMarked
package org.cpt4j.internal.pretrain;

import org.jspecify.annotations.NullMarked;
