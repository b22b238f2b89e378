/** How responses are sampled from a policy. */
@NullMarked
package org.cpt4j.sampling;

import org.jspecify.annotations.NullMarked;
