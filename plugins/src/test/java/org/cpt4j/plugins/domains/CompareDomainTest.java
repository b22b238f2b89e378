package org.cpt4j.plugins.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.testing.DomainContract;
import org.junit.jupiter.api.Test;

class CompareDomainTest extends DomainContract {
    @Override
    protected Domain domain() {
        return Domains.compare();
    }

    @Test
    void comparesDigitByDigitFromTheLeft() {
        Task task = ((CompareDomain) domain()).taskFor("347", "385");
        assertEquals("cmp:347:385", task.question());
        assertEquals("<", task.answer());
        assertEquals("=", ((CompareDomain) domain()).taskFor("12", "12").answer());
        assertEquals("3=3;4<8;", task.longReasoning());
        assertEquals("d2;", task.shortReasoning());
    }

    @Test
    void everyRelationOccurs() {
        SplittableRandom random = new SplittableRandom(5);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(domain().task(random).answer());
        }
        assertEquals(Set.of("<", "=", ">"), seen);
    }
}
