package org.cpt4j.plugins.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.testing.DomainContract;
import org.junit.jupiter.api.Test;

class ReverseDomainTest extends DomainContract {
    @Override
    protected Domain domain() {
        return Domains.reverse();
    }

    @Test
    void reversesAndNamesEachLetterWithItsPosition() {
        Task task = ((StringDomain) domain()).taskFor("abcd");
        assertEquals("rev:abcd", task.question());
        assertEquals("dcba", task.answer());
        assertEquals("4d3c2b1a;", task.longReasoning());
        assertEquals("n4;", task.shortReasoning());
    }
}
