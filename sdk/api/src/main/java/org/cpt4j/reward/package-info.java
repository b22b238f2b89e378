/** The reward SPI: scores of responses, from the domain's verifier or elsewhere. */
@NullMarked
package org.cpt4j.reward;

import org.jspecify.annotations.NullMarked;
