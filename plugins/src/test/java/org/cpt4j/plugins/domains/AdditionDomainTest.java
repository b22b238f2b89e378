package org.cpt4j.plugins.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.SolutionStyle;
import org.cpt4j.domain.Task;
import org.cpt4j.testing.DomainContract;
import org.junit.jupiter.api.Test;

class AdditionDomainTest extends DomainContract {

    @Override
    protected Domain domain() {
        return Domains.add();
    }

    @Test
    void workedSolutionAddsColumnByColumnWithCarries() {
        Task task = firstTaskWhere(Domains.addLong(), t -> t.question().matches("\\d{4}\\+\\d{4}"));
        String[] operands = task.question().split("\\+");
        assertEquals(Long.parseLong(operands[0]) + Long.parseLong(operands[1]), Long.parseLong(task.answer()));
        assertEquals(4, task.longReasoning().split(";").length, task.longReasoning());
        assertTrue(task.shortReasoning().matches("c[01]{4};"), task.shortReasoning());
    }

    @Test
    void solutionsOfAKnownSum() {
        Task task = new AdditionDomain("add", 1, 3).taskFor(347, 285);
        assertEquals("347+285", task.question());
        assertEquals("632", task.answer());
        assertEquals("7+5=12;4+8+1=13;3+2+1=6;", task.longReasoning());
        assertEquals("c011;", task.shortReasoning());
        assertEquals("7+5=12;4+8+1=13;3+2+1=6;<a>632</a>", task.solution(SolutionStyle.LONG));
        assertEquals("9+1=10;9+0+1=10;", new AdditionDomain("add", 1, 3).taskFor(99, 1).longReasoning());
    }

    @Test
    void addLongUsesMoreDigitsThanAdd() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            String[] shortOperands = Domains.add().task(random).question().split("\\+");
            String[] longOperands = Domains.addLong().task(random).question().split("\\+");
            assertTrue(shortOperands[0].length() <= 2 && shortOperands[1].length() <= 2);
            assertTrue(longOperands[0].length() >= 3 && longOperands[1].length() >= 3);
        }
    }

    static Task firstTaskWhere(Domain domain, java.util.function.Predicate<Task> condition) {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            Task task = domain.task(random);
            if (condition.test(task)) {
                return task;
            }
        }
        throw new AssertionError("no task of " + domain.id() + " matched");
    }
}
