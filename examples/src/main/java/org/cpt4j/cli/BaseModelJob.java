package org.cpt4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cpt4j.domain.Domain;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.io.AtomicFiles;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.internal.pretrain.BaseModelStore;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.text.Tokenizer;

/**
 * Pretrains (or loads from the cache) the base model of a {@link PretrainSpec} and evaluates it on every
 * known domain, as the student and as its own teacher; prints the table and writes {@code evaluation.json}
 * beside the model.
 */
final class BaseModelJob {

    /** Longest response generated during evaluation; greedy decoding stops earlier at end-of-sequence. */
    static final int MAX_NEW_TOKENS = 48;
    static final long EVALUATION_SEED = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the job produced. */
    record Result(BaseModelStore.Base base, Evaluation evaluation, double evaluationSeconds) {
    }

    private final PluginRegistry registry;
    private final Path cache;
    private final int checkpointEvery;
    private final int prompts;

    BaseModelJob(PluginRegistry registry, Path cache, int checkpointEvery, int prompts) {
        this.registry = registry;
        this.cache = cache;
        this.checkpointEvery = checkpointEvery;
        this.prompts = prompts;
    }

    Result run(PretrainSpec spec, PrintWriter out, PrintWriter err) throws IOException {
        List<Domain> mix = registry.domains("pretrain.mix", spec.mix());
        List<Domain> all = registry.domains();
        Tokenizer tokenizer = Tokenizer.forDomains(all);
        BaseModelStore store = new BaseModelStore(cache, checkpointEvery);
        BaseModelStore.Base base = store.obtain(spec, mix, tokenizer, ProgressBar.on(err, "pretrain"));
        out.printf(Locale.ROOT, "base model %s: %s, %,d parameters, %d steps on %s (%s)%n",
                base.specHash().substring(0, 12), describe(spec), base.policy().model().parameterCount(), spec.steps(),
                String.join(", ", spec.mix()), base.cached() ? "from the cache" : "trained now");
        out.println("  " + base.directory());
        long started = System.nanoTime();
        Evaluator evaluator = new Evaluator(new PromptFormat(tokenizer), MAX_NEW_TOKENS);
        Evaluation evaluation = evaluator.evaluate(new Sampler(base.policy().model(), base.policy().parameters()),
                all, prompts, EVALUATION_SEED);
        double seconds = (System.nanoTime() - started) / 1e9;
        AtomicFiles.write(base.directory().resolve("evaluation.json"), o -> o.write(JSON.writeValueAsBytes(evaluation)));
        out.printf(Locale.ROOT, "%nheld-out accuracy, greedy, %d prompts per domain (teacher: the worked solution as "
                + "privileged context; evaluated in %.1f s)%n", prompts, seconds);
        out.print(evaluation.table());
        out.flush();
        return new Result(base, evaluation, seconds);
    }

    private static String describe(PretrainSpec spec) {
        return spec.model().layers() + "x" + spec.model().width() + "x" + spec.model().heads() + " context "
                + spec.model().context();
    }
}
