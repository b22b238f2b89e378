/**
 * What plugin authors test with: contract tests every plugin kind must pass (e.g. {@link
 * org.cpt4j.testing.DomainContract}) and jqwik arbitraries.
 */
@NullMarked
package org.cpt4j.testing;

import org.jspecify.annotations.NullMarked;
