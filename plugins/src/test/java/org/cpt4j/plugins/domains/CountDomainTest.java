package org.cpt4j.plugins.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.testing.DomainContract;
import org.junit.jupiter.api.Test;

class CountDomainTest extends DomainContract {
    @Override
    protected Domain domain() {
        return Domains.count();
    }

    @Test
    void keepsARunningCount() {
        Task task = ((CountDomain) domain()).taskFor('b', "abbcb");
        assertEquals("count:b:abbcb", task.question());
        assertEquals("3", task.answer());
        assertEquals("a0b1b2c2b3;", task.longReasoning());
        assertEquals("i235;", task.shortReasoning());
    }
}
