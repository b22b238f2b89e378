/** The `cpt4j` command line (picocli): run, validate, plugins, pretrain, bench. */
@NullMarked
package org.cpt4j.cli;

import org.jspecify.annotations.NullMarked;
