/** Base-model pretraining: the specification of the supervised mix that gives a base model partial skill. */
@NullMarked
package org.cpt4j.pretrain;

import org.jspecify.annotations.NullMarked;
