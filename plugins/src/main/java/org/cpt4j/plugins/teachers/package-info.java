/** The built-in teacher schedules (DESIGN.md §4). */
@NullMarked
package org.cpt4j.plugins.teachers;

import org.jspecify.annotations.NullMarked;
