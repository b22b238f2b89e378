package org.cpt4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cpt4j.engine.BaseModel;
import org.cpt4j.engine.Cpt4jEngine;
import org.cpt4j.evaluation.Evaluation;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.evaluation.SeedSpread;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.run.Arithmetic;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.RunOptions;

/**
 * Pretrains (or loads from the cache) the base model of a {@link PretrainSpec} through the engine and evaluates it
 * on every known domain, as the student and as its own teacher; prints the table (the engine writes
 * {@code evaluation.json} beside the model).
 */
final class BaseModelJob {

    /** Smallest teacher advantage, in accuracy points, on a mix domain of a base model SDPO can learn from. */
    static final int MIN_TEACHER_ADVANTAGE_POINTS = 30;
    /** Largest student accuracy, in percent, on a mix domain that leaves post-training room to improve. */
    static final int MAX_STUDENT_POINTS = 70;

    /** What the job produced. */
    record Result(BaseModel base, Evaluation evaluation, double evaluationSeconds) {
    }

    private final Cpt4jEngine engine;
    private final RunOptions options;
    private final EvaluationSpec evaluation;

    BaseModelJob(Cpt4jEngine engine, RunOptions options, EvaluationSpec evaluation) {
        this.engine = engine;
        this.options = options;
        this.evaluation = evaluation;
    }

    /** Obtains the base model of {@code spec}, evaluates it, and prints its line and its per-domain table. */
    Result run(PretrainSpec spec, PrintWriter out, PrintWriter err) {
        Result result = obtainAndEvaluate(spec, out, err);
        out.printf(Locale.ROOT, "%nheld-out accuracy, greedy, %d prompts per domain (teacher: the worked solution as "
                + "privileged context; evaluated in %.1f s)%n", evaluation.prompts(), result.evaluationSeconds());
        out.print(result.evaluation().table());
        out.flush();
        return result;
    }

    /**
     * Obtains the base model of {@code spec} (from the cache, or trained now with progress on {@code err}), prints
     * one line about it, evaluates it on every known domain and writes {@code evaluation.json} beside it.
     */
    Result obtainAndEvaluate(PretrainSpec spec, PrintWriter out, PrintWriter err) {
        BaseModel base = engine.pretrain(spec, options, ProgressBar.on(err, "pretrain"));
        out.printf(Locale.ROOT, "base model %s: %s, %,d parameters, %d steps on %s, seed %d (%s)%n",
                base.specHash().substring(0, 12), describe(spec), base.model().parameterCount(), spec.steps(),
                String.join(", ", spec.mix()), spec.seed(), base.cached() ? "from the cache" : "trained now");
        out.println("  " + base.directory());
        Arithmetic here = Arithmetic.ofThisMachine();
        base.trainedWith().filter(trained -> !trained.roundsLike(here)).ifPresent(trained -> out.printf(
                "  note: trained where float arithmetic rounds differently: %s%n        (here: %s).%n"
                        + "        The cached model is used as it is; training this spec here would give another one "
                        + "(docs/domains.md, \"Cache and resume\").%n", trained.describe(), here.describe()));
        out.flush();
        long started = System.nanoTime();
        Evaluation result = engine.evaluateBase(spec, evaluation, options, RunListener.SILENT);
        return new Result(base, result, (System.nanoTime() - started) / 1e9);
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
