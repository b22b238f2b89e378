/** The built-in reward models: the verifier's correctness and format, and a length penalty. */
@NullMarked
package org.cpt4j.plugins.rewards;

import org.jspecify.annotations.NullMarked;
