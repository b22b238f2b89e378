/**
 * The run store's formats: every file the engine writes names its {@link org.cpt4j.internal.store.FileFormat}
 * and version, checkpoints of pretraining and of arms are one kind ({@link org.cpt4j.internal.store.Checkpoint}),
 * and JSON-lines logs are appended, read and cut back by {@link org.cpt4j.internal.store.JsonLines}.
 */
@NullMarked
package org.cpt4j.internal.store;

import org.jspecify.annotations.NullMarked;
