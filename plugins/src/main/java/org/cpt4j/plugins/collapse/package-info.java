/** The built-in collapse detectors and their typed spec factory {@link org.cpt4j.plugins.collapse.Collapse}. */
@NullMarked
package org.cpt4j.plugins.collapse;

import org.jspecify.annotations.NullMarked;
