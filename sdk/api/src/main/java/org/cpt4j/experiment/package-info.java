/**
 * The experiment specification: immutable records that the DSL builds and that round-trip through JSON
 * without loss. Components (objectives, teachers, rewards, drift metrics, collapse detectors) are named by a
 * plugin id and a JSON-able parameter map, so a spec can name third-party plugins.
 */
@NullMarked
package org.cpt4j.experiment;

import org.jspecify.annotations.NullMarked;
