/** The collapse-detector SPI: watch each step's signals and report collapse events (DESIGN.md §5). */
@NullMarked
package org.cpt4j.collapse;

import org.jspecify.annotations.NullMarked;
