/**
 * The engine's face for code: resolve a spec against the plugins on the class path and run it. The DSL's
 * {@code Cpt4j.run} and the {@code cpt4j run} command both come here.
 */
@NullMarked
package org.cpt4j.engine;

import org.jspecify.annotations.NullMarked;
