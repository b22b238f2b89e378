/**
 * The built-in verifiable domains: arithmetic ({@code add}, {@code add-long}, {@code mod}), strings
 * ({@code reverse}, {@code sort}, {@code copy}) and counting/logic ({@code count}, {@code compare}).
 * {@link org.cpt4j.plugins.domains.Domains} is their typed factory.
 */
@NullMarked
package org.cpt4j.plugins.domains;

import org.jspecify.annotations.NullMarked;
