/** The character-level tokenizer and its file format. */
@NullMarked
package org.cpt4j.text;

import org.jspecify.annotations.NullMarked;
