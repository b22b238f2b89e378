/**
 * The built-in objectives, GRPO and SDPO, with the reference semantics of TRL, verl and the official SDPO
 * code (docs/objectives.md maps every option to their names).
 */
@NullMarked
package org.cpt4j.plugins.objectives;

import org.jspecify.annotations.NullMarked;
