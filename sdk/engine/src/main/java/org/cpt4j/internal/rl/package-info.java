/** On-policy post-training: rollouts, rewards, teacher and reference scoring, objective steps. */
@NullMarked
package org.cpt4j.internal.rl;

import org.jspecify.annotations.NullMarked;
