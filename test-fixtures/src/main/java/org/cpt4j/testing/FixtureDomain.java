package org.cpt4j.testing;

import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;

/**
 * A domain for tests, made of an id, an alphabet and a task generator; it verifies by exact match (the
 * {@link Domain} default).
 *
 * @param id the domain's id
 * @param alphabet every character its texts use
 * @param generator draws a task
 */
public record FixtureDomain(String id, String alphabet, Function<RandomGenerator, Task> generator) implements Domain {

    /** @return {@code 41} → {@code 42}, numbers below 100, with worked solutions {@code 41+1;} / {@code 41+1=42;} */
    public static FixtureDomain successor() {
        return new FixtureDomain("successor", "0123456789+=;", random -> {
            int n = random.nextInt(100);
            return new Task("successor", Integer.toString(n), Integer.toString(n + 1), n + "+1;", n + "+1=" + (n + 1) + ";");
        });
    }

    @Override
    public String family() {
        return "fixture";
    }

    @Override
    public Task task(RandomGenerator random) {
        return generator.apply(random);
    }
}
