package org.cpt4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cpt4j.domain.Domain;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.evaluation.SeedSpread;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.internal.plugin.PluginRegistry;
import org.cpt4j.internal.pretrain.BaseModelStore;
import org.cpt4j.run.Arithmetic;
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
    /** Smallest teacher advantage, in accuracy points, on a mix domain of a base model SDPO can learn from. */
    static final int MIN_TEACHER_ADVANTAGE_POINTS = 30;
    /** Largest student accuracy, in percent, on a mix domain that leaves post-training room to improve. */
    static final int MAX_STUDENT_POINTS = 70;
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

    /** Obtains the base model of {@code spec}, evaluates it, and prints its line and its per-domain table. */
    Result run(PretrainSpec spec, PrintWriter out, PrintWriter err) throws IOException {
        Result result = obtainAndEvaluate(spec, out, err);
        out.printf(Locale.ROOT, "%nheld-out accuracy, greedy, %d prompts per domain (teacher: the worked solution as "
                + "privileged context; evaluated in %.1f s)%n", prompts, result.evaluationSeconds());
        out.print(result.evaluation().table());
        out.flush();
        return result;
    }

    /**
     * Obtains the base model of {@code spec} (from the cache, or trained now with progress on {@code err}), prints
     * one line about it, evaluates it on every known domain and writes {@code evaluation.json} beside it.
     */
    Result obtainAndEvaluate(PretrainSpec spec, PrintWriter out, PrintWriter err) throws IOException {
        List<Domain> mix = registry.domains("pretrain.mix", spec.mix());
        List<Domain> all = registry.domains();
        Tokenizer tokenizer = Tokenizer.forDomains(all);
        BaseModelStore store = new BaseModelStore(cache, checkpointEvery);
        BaseModelStore.Base base = store.obtain(spec, mix, tokenizer, ProgressBar.on(err, "pretrain"));
        out.printf(Locale.ROOT, "base model %s: %s, %,d parameters, %d steps on %s, seed %d (%s)%n",
                base.specHash().substring(0, 12), describe(spec), base.policy().model().parameterCount(), spec.steps(),
                String.join(", ", spec.mix()), spec.seed(), base.cached() ? "from the cache" : "trained now");
        out.println("  " + base.directory());
        Arithmetic here = Arithmetic.ofThisMachine();
        base.trainedWith().filter(trained -> !trained.roundsLike(here)).ifPresent(trained -> out.printf(
                "  note: trained where float arithmetic rounds differently: %s%n        (here: %s).%n"
                        + "        The cached model is used as it is; training this spec here would give another one "
                        + "(docs/domains.md, \"Cache and resume\").%n", trained.describe(), here.describe()));
        out.flush();
        long started = System.nanoTime();
        Evaluator evaluator = new Evaluator(new PromptFormat(tokenizer), MAX_NEW_TOKENS);
        Evaluation evaluation = evaluator.evaluate(new Sampler(base.policy().model(), base.policy().parameters()),
                all, prompts, EVALUATION_SEED);
        double seconds = (System.nanoTime() - started) / 1e9;
        AtomicFiles.write(base.directory().resolve("evaluation.json"), o -> o.write(JSON.writeValueAsBytes(evaluation)));
        return new Result(base, evaluation, seconds);
    }

    /**
     * @return whether every domain of the mix meets the targets of a base model SDPO can learn from, for every
     *     seed: the teacher ahead of the student by at least {@value #MIN_TEACHER_ADVANTAGE_POINTS} accuracy points,
     *     and the student at most {@value #MAX_STUDENT_POINTS}% (room to improve); naming each miss
     */
    static String verdict(PretrainSpec spec, SeedSpread spread) {
        List<String> misses = new ArrayList<>();
        double smallest = Double.POSITIVE_INFINITY;
        for (SeedSpread.Row row : spread.rows()) {
            if (!spec.mix().contains(row.domain())) {
                continue;
            }
            smallest = Math.min(smallest, row.advantage().min());
            for (int s = 0; s < spread.seeds().size(); s++) {
                double advantage = row.advantage().perSeed().get(s);
                double student = row.student().perSeed().get(s);
                if (advantage < MIN_TEACHER_ADVANTAGE_POINTS || student > MAX_STUDENT_POINTS) {
                    misses.add(String.format(Locale.ROOT, "%s seed %d (student %.0f%%, advantage %+.0f)", row.domain(),
                            spread.seeds().get(s), student, advantage));
                }
            }
        }
        String targets = String.format(Locale.ROOT, "targets on the pretraining mix (teacher advantage >= %d points, "
                + "student <= %d%%%s): ", MIN_TEACHER_ADVANTAGE_POINTS, MAX_STUDENT_POINTS,
                spread.seeds().size() > 1 ? ", every seed" : "");
        return targets + (misses.isEmpty() ? String.format(Locale.ROOT, "met; smallest advantage %+.0f", smallest)
                : "missed by " + String.join(", ", misses));
    }

    private static String describe(PretrainSpec spec) {
        return spec.model().layers() + "x" + spec.model().width() + "x" + spec.model().heads() + " context "
                + spec.model().context();
    }
}
