package org.cpt4j.plugins.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.testing.DomainContract;
import org.junit.jupiter.api.Test;

class ModuloDomainTest extends DomainContract {

    @Override
    protected Domain domain() {
        return Domains.mod();
    }

    @Test
    void workedSolutionCarriesTheRunningRemainder() {
        Task task = ((ModuloDomain) domain()).taskFor(347, 7);
        assertEquals("347%7", task.question());
        assertEquals("4", task.answer());
        assertEquals("3%7=3;34%7=6;67%7=4;", task.longReasoning());
        assertEquals("347=49*7+4;", task.shortReasoning());
    }
}
