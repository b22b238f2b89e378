/** The experiment DSL: fluent builders that produce an immutable, validated experiment specification. */
@NullMarked
package org.cpt4j.dsl;

import org.jspecify.annotations.NullMarked;
