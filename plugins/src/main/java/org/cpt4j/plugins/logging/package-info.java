/** The built-in run loggers. */
@NullMarked
package org.cpt4j.plugins.logging;

import org.jspecify.annotations.NullMarked;
