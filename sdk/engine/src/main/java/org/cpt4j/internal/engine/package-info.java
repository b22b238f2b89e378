/** The implementation of {@link org.cpt4j.engine.Cpt4jEngine}, registered for {@link java.util.ServiceLoader}. */
@NullMarked
package org.cpt4j.internal.engine;

import org.jspecify.annotations.NullMarked;
