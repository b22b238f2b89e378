/** Generators and contract tests for plugin authors: test a plugin the way the built-ins are tested. */
@NullMarked
package org.cpt4j.testing;

import org.jspecify.annotations.NullMarked;
