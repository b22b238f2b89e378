/** The built-in plugin, {@link org.cpt4j.plugins.BuiltInPlugin}, registering every built-in component. */
@NullMarked
package org.cpt4j.plugins;

import org.jspecify.annotations.NullMarked;
