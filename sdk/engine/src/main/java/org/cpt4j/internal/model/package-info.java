/**
 * Engine internals: the SameDiff transformer policy, its parameters and optimizer. Not API; plugins and the
 * DSL never import this package.
 */
@NullMarked
package org.cpt4j.internal.model;

import org.jspecify.annotations.NullMarked;
