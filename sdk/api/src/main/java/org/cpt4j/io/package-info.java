/** Files that readers see whole or not at all: what cpt4j writes goes through {@link org.cpt4j.io.AtomicFiles}. */
@NullMarked
package org.cpt4j.io;

import org.jspecify.annotations.NullMarked;
