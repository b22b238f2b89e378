package org.cpt4j.plugins.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.testing.DomainContract;
import org.junit.jupiter.api.Test;

class CopyDomainTest extends DomainContract {
    @Override
    protected Domain domain() {
        return Domains.copy();
    }

    @Test
    void copiesTheWord() {
        Task task = ((StringDomain) domain()).taskFor("abca");
        assertEquals("abca", task.answer());
        assertEquals("1a2b3c4a;", task.longReasoning());
    }
}
