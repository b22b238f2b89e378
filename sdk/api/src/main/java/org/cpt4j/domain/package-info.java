/**
 * Verifiable domains: seeded generators of tasks with a reference answer and worked solutions, and the
 * verifier that scores a response's correctness and answer format separately.
 */
@NullMarked
package org.cpt4j.domain;

import org.jspecify.annotations.NullMarked;
