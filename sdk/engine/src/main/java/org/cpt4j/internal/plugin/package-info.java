/** The plugin registry: every registered component factory, by kind and id. */
@NullMarked
package org.cpt4j.internal.plugin;

import org.jspecify.annotations.NullMarked;
