/** Running an experiment: the base model, then every arm through the curriculum with evaluations. */
@NullMarked
package org.cpt4j.internal.run;

import org.jspecify.annotations.NullMarked;
