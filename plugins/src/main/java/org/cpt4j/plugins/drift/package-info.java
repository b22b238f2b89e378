/** The built-in drift metrics. */
@NullMarked
package org.cpt4j.plugins.drift;

import org.jspecify.annotations.NullMarked;
