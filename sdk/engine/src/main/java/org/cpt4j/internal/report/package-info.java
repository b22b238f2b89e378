/**
 * The run report: {@code report.html}, one self-contained page per experiment, read from the files of its run
 * directory (so that it can be written for a partial or killed run too) and drawn with Apache ECharts, whose runtime
 * is inlined into the page.
 */
@NullMarked
package org.cpt4j.internal.report;

import org.jspecify.annotations.NullMarked;
