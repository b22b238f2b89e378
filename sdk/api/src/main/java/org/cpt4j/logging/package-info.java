/**
 * The logger SPI: a run's numbers, as it goes, for the tool of the user's choosing (a CSV file, TensorBoard, W&amp;B,
 * ...). The run's JSON-lines files stay the source of truth; a logger receives the same numbers.
 */
@NullMarked
package org.cpt4j.logging;

import org.jspecify.annotations.NullMarked;
