/**
 * The engine's one face for code: {@link org.cpt4j.engine.Cpt4jEngine} resolves specs against the plugins on the
 * class path, pretrains and evaluates base models, runs experiments and measures speed. The DSL's {@code Cpt4j.run}
 * and every {@code cpt4j} command come here; the engine itself is found through {@link org.cpt4j.engine.EngineFactory}.
 */
@NullMarked
package org.cpt4j.engine;

import org.jspecify.annotations.NullMarked;
