/** Specification values and their validation: problems are collected and reported together, each with its path. */
@NullMarked
package org.cpt4j.spec;

import org.jspecify.annotations.NullMarked;
