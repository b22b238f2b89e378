/** Engine internals: file writing that never leaves a half-written file. */
@NullMarked
package org.cpt4j.internal.io;

import org.jspecify.annotations.NullMarked;
