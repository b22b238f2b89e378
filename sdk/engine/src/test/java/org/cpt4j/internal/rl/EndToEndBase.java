package org.cpt4j.internal.rl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.internal.model.PolicyState;
import org.cpt4j.internal.model.PolicyStateFile;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.pretrain.Pretrainer;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.text.Tokenizer;

/**
 * The base model the end-to-end test post-trains, kept as a test resource: a 1x32 transformer pretrained for 400
 * steps on {@link Successor}, 90% of them in teacher format, so that its teacher (88% greedy with a sibling's answer
 * as context) is well ahead of its student (64% greedy, expected reward 0.48 at temperature 1).
 *
 * <p>It is an input of the test, not an expected value: training it again on another CPU gives another model, and
 * the test would start from a different point on every machine. {@link #main} writes it; run it when the model's
 * layout or the tokenizer changes.
 */
final class EndToEndBase {

    /** {@code 417} → {@code 418}: numbers below 1000, worked solutions {@code 417+1;} and {@code 417+1=418;}. */
    record Successor() implements Domain {

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
            int n = random.nextInt(1000);
            return new Task(id(), Integer.toString(n), Integer.toString(n + 1), n + "+1;", n + "+1=" + (n + 1) + ";");
        }

        @Override
        public Verdict verify(Task task, String response) {
            return Verdict.exactMatch(task, response);
        }
    }

    static final Domain DOMAIN = new Successor();
    static final PromptFormat FORMAT = new PromptFormat(Tokenizer.forDomains(List.of(DOMAIN)));
    static final Path FILE = Path.of("src/test/resources/fixtures/end-to-end-base.bin");

    private EndToEndBase() {
    }

    static PretrainSpec spec() {
        return PretrainSpec.of(p -> p.mix(DOMAIN.id()).steps(400).batchSize(32).teacherFraction(0.9)
                .model(m -> m.layers(1).width(32).heads(2).context(32)));
    }

    /** @return the stored base model */
    static PolicyState read() throws IOException {
        return PolicyStateFile.read(FILE);
    }

    /** Pretrains the base model of {@link #spec} and writes it to {@link #FILE} (run from the plugins module). */
    public static void main(String[] args) throws IOException {
        Pretrainer pretrainer = new Pretrainer(spec(), List.of(DOMAIN), FORMAT);
        TransformerPolicy policy = pretrainer.initialPolicy();
        pretrainer.train(policy, 0, spec().steps(), (step, total, result) -> { });
        PolicyStateFile.write(FILE, policy.state());
    }
}
