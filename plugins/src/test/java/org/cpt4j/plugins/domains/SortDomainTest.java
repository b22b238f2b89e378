package org.cpt4j.plugins.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.testing.DomainContract;
import org.junit.jupiter.api.Test;

class SortDomainTest extends DomainContract {
    @Override
    protected Domain domain() {
        return Domains.sort();
    }

    @Test
    void sortsAndNamesWhereEachLetterWas() {
        Task task = ((StringDomain) domain()).taskFor("dbca");
        assertEquals("abcd", task.answer());
        assertEquals("a4b2c3d1;", task.longReasoning());
    }
}
