/** The batched, KV-cached sampler. */
@NullMarked
package org.cpt4j.internal.sampling;

import org.jspecify.annotations.NullMarked;
