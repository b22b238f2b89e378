package org.cpt4j.domain;

import java.util.random.RandomGenerator;

/**
 * A verifiable task domain: a seeded generator of tasks and a verifier of responses.
 *
 * <p>Domains are plugins. Ids are stable (specs, files and reports refer to them); the family groups domains
 * that share a skill, so that out-of-domain evaluation can tell "source-like" domains (same family) from
 * "partially related" ones (another family).
 *
 * <p>Implementations are immutable and thread-safe; {@link #task} draws only from the generator it is given,
 * so the same seed gives the same tasks.
 */
public interface Domain {

    /** @return stable id, e.g. {@code add} */
    String id();

    /** @return family id, e.g. {@code arithmetic} */
    String family();

    /**
     * @return every character this domain's questions, reasoning and answers may hold (the tokenizer's
     *     vocabulary is the union over the registered domains)
     */
    String alphabet();

    /** @return a new task, drawing randomness only from {@code random} */
    Task task(RandomGenerator random);

    /** @return the verdict on a response (the text the model wrote after the question, without EOS) */
    default Verdict verify(Task task, String response) {
        return Verdict.exactMatch(task, response);
    }
}
