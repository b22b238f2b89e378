/** How tasks, privileged context and responses become token sequences. */
@NullMarked
package org.cpt4j.internal.text;

import org.jspecify.annotations.NullMarked;
