package org.cpt4j.internal.pretrain;

import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;

/** A fixture domain: {@code 41} → {@code 42}. */
final class SuccessorDomain implements Domain {

    @Override
    public String id() {
        return "successor";
    }

    @Override
    public String family() {
        return "fixture";
    }

    @Override
    public String alphabet() {
        return "0123456789+=;";
    }

    @Override
    public Task task(RandomGenerator random) {
        int n = random.nextInt(100);
        return new Task(id(), Integer.toString(n), Integer.toString(n + 1), n + "+1;", n + "+1=" + (n + 1) + ";");
    }
}
