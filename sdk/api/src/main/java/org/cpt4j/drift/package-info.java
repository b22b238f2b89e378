/** The drift SPI: how far a policy has moved from a reference (DESIGN.md §5). */
@NullMarked
package org.cpt4j.drift;

import org.jspecify.annotations.NullMarked;
