/** The local sweep engine: a sweep's tasks on a pool of threads in this JVM, and its aggregate. */
@NullMarked
package org.cpt4j.internal.sweep;

import org.jspecify.annotations.NullMarked;
