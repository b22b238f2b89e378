/** The engine side of objectives: loss graphs over logits, their feeds, and evaluation for tests. */
@NullMarked
package org.cpt4j.internal.objective;

import org.jspecify.annotations.NullMarked;
