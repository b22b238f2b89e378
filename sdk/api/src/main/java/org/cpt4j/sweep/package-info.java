/**
 * Sweeps: one experiment under several seeds and at the points of a grid of spec values, expanded into independent
 * tasks (one arm, one seed, one grid point, each a run directory of its own) whose results are aggregated over the
 * seeds.
 */
@NullMarked
package org.cpt4j.sweep;

import org.jspecify.annotations.NullMarked;
