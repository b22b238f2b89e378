/** The built-in plugins, written against the same SPI a third-party plugin uses. */
@NullMarked
package org.cpt4j.plugins;

import org.jspecify.annotations.NullMarked;
