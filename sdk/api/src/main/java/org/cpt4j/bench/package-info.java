/** What {@code cpt4j bench} measures ({@link org.cpt4j.bench.BenchSettings}) and reports ({@link org.cpt4j.bench.BenchReport}). */
@NullMarked
package org.cpt4j.bench;

import org.jspecify.annotations.NullMarked;
