/**
 * The plugin SDK: a plugin jar declares a {@link org.cpt4j.plugin.Cpt4jPlugin} in
 * {@code META-INF/services/org.cpt4j.plugin.Cpt4jPlugin} that lists its {@link org.cpt4j.plugin.Component}
 * declarations (kind, id, parameter record with defaults, factory). Specs name components by id; the built-ins use
 * the same path.
 */
@NullMarked
package org.cpt4j.plugin;

import org.jspecify.annotations.NullMarked;
