/** Configuration of the policy model and its optimizer: immutable, validated records. */
@NullMarked
package org.cpt4j.model;

import org.jspecify.annotations.NullMarked;
