/** An example third-party cpt4j plugin: the {@code brevity} reward and the {@code largest-change} drift metric. */
@NullMarked
package org.example.brevity;

import org.jspecify.annotations.NullMarked;
