package org.cpt4j.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.store.JsonLines;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.teachers.Teachers;

/**
 * An experiment's run directory written by hand, line by line in the run files' formats: arm {@code grpo} finished
 * its two stages (add, then mod; 4 steps each) after a rollback from step 6 to step 4, arm {@code sdpo} stopped
 * after 3 steps, arm {@code ema} never started. Its texts carry markup that must reach a reader as text.
 */
final class RunFixture {

    /** A rollout's response that would run a script if the page did not escape it. */
    static final String HOSTILE_RESPONSE = "</script><script>document.title='pwned'</script>";
    /** A question that would run a script through an image if the page did not escape it. */
    static final String HOSTILE_QUESTION = "<img src=x onerror=\"document.title='pwned'\"> 2+2=?";
    /** A collapse detector's evidence with markup in it. */
    static final String HOSTILE_EVIDENCE = "entropy <b>0.01</b> < 0.05";
    static final int STEPS_PER_STAGE = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFixture() {
    }

    static ExperimentSpec spec() {
        return Cpt4j.experiment("fixture")
                .curriculum(c -> c.stage("add", s -> s.steps(STEPS_PER_STAGE)).stage("mod", s -> s.steps(STEPS_PER_STAGE))
                        .evaluateOn("count"))
                .arm("grpo", a -> a.objective(Objectives.grpo()))
                .arm("sdpo", a -> a.objective(Objectives.sdpo()).teacher(Teachers.frozen()))
                .arm("ema", a -> a.objective(Objectives.sdpo()).teacher(Teachers.ema(0.05)))
                .build();
    }

    /** @return {@code runs/fixture/}, written */
    static Path write(Path runs) throws IOException {
        Path root = runs.resolve("fixture");
        ExperimentSpecFile.write(root.resolve("spec.json"), spec());
        Path grpo = root.resolve("grpo");
        // attempt 0 runs steps 0..5; a collapse at step 5 rolls back to the checkpoint after 4 steps
        for (int step = 0; step < 6; step++) {
            step(grpo, step, 0, 0.1 + 0.01 * step);
        }
        for (int step = 4; step < 2 * STEPS_PER_STAGE; step++) {
            step(grpo, step, 1, 0.3 + 0.02 * step);
        }
        evaluation(grpo, "BASE", 0, 0, 0, 0.20, 0.30, 0.40);
        evaluation(grpo, "IN_STAGE", 0, 2, 0, 0.30, 0.30, 0.40);
        evaluation(grpo, "STAGE_END", 0, 4, 0, 0.50, 0.30, 0.40);
        evaluation(grpo, "IN_STAGE", 1, 6, 0, 0.10, 0.10, 0.10); // abandoned by the rollback
        evaluation(grpo, "IN_STAGE", 1, 6, 1, 0.45, 0.40, 0.40);
        evaluation(grpo, "STAGE_END", 1, 8, 1, 0.40, 0.60, 0.35);
        JsonLines events = new JsonLines(grpo.resolve("events.jsonl"), FileFormat.EVENTS, JSON);
        events.append(JSON.createObjectNode().put("type", "collapse").put("stage", 1).put("detector", "entropyBelow")
                .put("step", 5).put("evidence", HOSTILE_EVIDENCE).put("severity", "WARNING").put("attempt", 0));
        events.append(JSON.createObjectNode().put("type", "collapse-action").put("stage", 1).put("step", 5)
                .put("detector", "entropyBelow").put("action", "ROLLBACK").put("toStep", 4).put("attempt", 0));
        JsonLines drift = new JsonLines(grpo.resolve("drift.jsonl"), FileFormat.DRIFT, JSON);
        for (int stage = 0; stage < 2; stage++) {
            ObjectNode line = JSON.createObjectNode().put("stage", stage).put("step", 4L * (stage + 1))
                    .put("reference", "base").put("metric", "parameters").put("attempt", stage);
            line.set("values", JSON.valueToTree(Map.of("relative_norm", 0.01 * (stage + 1), "angle", 0.001)));
            drift.append(line);
        }
        JsonLines samples = new JsonLines(grpo.resolve("samples.jsonl"), FileFormat.SAMPLES, JSON);
        samples.append(JSON.createObjectNode().put("stage", 0).put("step", 0).put("question", HOSTILE_QUESTION)
                .put("response", HOSTILE_RESPONSE).put("reward", 0.0).put("correct", false).put("formatValid", false)
                .put("tokens", 9).put("attempt", 0));
        samples.append(JSON.createObjectNode().put("stage", 1).put("step", 7).put("question", "3+4=?")
                .put("response", "<answer>7</answer>").put("reward", 1.0).put("correct", true)
                .put("formatValid", true).put("tokens", 4).put("teacherContext", "worked: 3+4=7").put("attempt", 1));
        Files.writeString(grpo.resolve("measures.json"), "{}");
        Path sdpo = root.resolve("sdpo");
        for (int step = 0; step < 3; step++) {
            step(sdpo, step, 0, 0.2);
        }
        evaluation(sdpo, "BASE", 0, 0, 0, 0.20, 0.30, 0.40);
        // sdpo distils from a teacher, which is scored at the base's evaluation: 0.9 on every domain
        Path evaluations = sdpo.resolve("evaluations.jsonl");
        Files.writeString(evaluations, Files.readString(evaluations).replace("}}\n",
                "},\"teacherAccuracy\":{\"add\":0.9,\"mod\":0.9,\"count\":0.9}}\n"));
        return root;
    }

    /**
     * @return a second seed of the fixture (seed 8) under {@code runs/seed-8/}, whose grpo ends with 0.20 on add and
     *     earns a tenth of the first seed's reward at each step
     */
    static Path writeSecondSeed(Path runs) throws IOException {
        Path other = write(runs.resolve("seed-8"));
        ExperimentSpec spec = ExperimentSpecFile.read(other.resolve("spec.json"));
        ExperimentSpecFile.write(other.resolve("spec.json"), new ExperimentSpec(spec.format(), spec.version(),
                spec.name(), 8, spec.base(), spec.curriculum(), spec.training(), spec.evaluation(), spec.arms(),
                spec.drift(), spec.collapse()));
        Path evaluations = other.resolve("grpo/evaluations.jsonl");
        Files.writeString(evaluations, Files.readString(evaluations).replace(
                "\"step\":8,\"attempt\":1,\"accuracy\":{\"add\":0.4", "\"step\":8,\"attempt\":1,\"accuracy\":{\"add\":0.2"));
        Path metrics = other.resolve("grpo/metrics.jsonl"); // another seed, other rewards: a tenth of the first's
        Files.writeString(metrics, Files.readString(metrics).replace("\"rewardMean\":0.", "\"rewardMean\":0.0"));
        return other;
    }

    private static void step(Path arm, int step, int attempt, double reward) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("stage", step / STEPS_PER_STAGE)
                .put("domain", step < STEPS_PER_STAGE ? "add" : "mod").put("step", step).put("rewardMean", reward)
                .put("accuracy", reward).put("formatValid", 1.0).put("entropy", 0.5 - 0.01 * step)
                .put("meanLength", 5.0).put("truncatedFraction", 0.0).put("repetition", 0.0).put("referenceKl", 0.01)
                .put("gradientNorm", 0.4).put("loss", 0.1).put("attempt", attempt);
        line.putObject("diagnostics").put("divergence", 0.2 - 0.01 * step);
        new JsonLines(arm.resolve("metrics.jsonl"), FileFormat.METRICS, JSON).append(line);
    }

    private static void evaluation(Path arm, String kind, int stage, int step, int attempt, double add, double mod,
                                   double count) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("kind", kind).put("stage", stage)
                .put("stageStep", step - STEPS_PER_STAGE * stage).put("step", step).put("attempt", attempt);
        line.putObject("accuracy").put("add", add).put("mod", mod).put("count", count);
        new JsonLines(arm.resolve("evaluations.jsonl"), FileFormat.EVALUATIONS, JSON).append(line);
    }
}
