/** Engine internals: native runtime settings (threads, backend). */
@NullMarked
package org.cpt4j.internal.runtime;

import org.jspecify.annotations.NullMarked;
