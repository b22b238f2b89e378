/** The teacher SPI: how SDPO's self-teacher's weights follow the policy (DESIGN.md §4). */
@NullMarked
package org.cpt4j.teacher;

import org.jspecify.annotations.NullMarked;
